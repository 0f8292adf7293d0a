#!/usr/bin/env python3
"""Differential fuzzing of the Guard engine against cfn-guard 3.1.1.

Generates random rule files (lets, filters, map-key filters, some/this/%var, blocks, type blocks, when blocks,
parameterized rules, rule references, disjunctions, every operator, functions, custom messages), runs
`validate -r RULE -d <sample templates> -o json -z -S none` with cfn-guard (installed by
../shared/tools/cfn-guard-oracle) and with cfn-validator, and compares output bytes and exit codes.

    bench/guard-fuzz.py [--seed 1] [--count 100] [--keep DIR]
    bench/guard-fuzz.py --grammar [--seed 1] [--count 600] [--batch 25] [--keep DIR]

--grammar generates rule files from the Guard grammar with every literal form (regular expressions from fancy-regex's
syntax, valid and invalid: `{` literals, escapes such as `\:` and `\/`, classes, anchors, flags, quantifiers;
strings in both quote styles with escapes; ints, floats, exponents, signs; ranges; booleans; null; nested lists and
maps with quoted and special keys) in every position (clause right-hand sides, `in [...]` lists, `let`, function
and parameterized-rule arguments, map-key filters, filters, `when` conditions, type blocks, disjunctions), over
generated data files. Rule files run in batches (`-r DIR`); a batch whose exit code, structured output or set of
rule files refused as unparseable differs is re-run one file at a time to name the files that disagree. The parse
error position (line:column) of files both refuse is compared and counted too, for information. Exit status 1 if
any file disagrees on acceptance or verdicts.

Build first (mvn -B -ntp -pl validator-core,validator-cli -am package -DskipTests). Prints one line per
difference and a summary; failing rule files are kept in --keep (default: a temporary folder).
"""
import argparse, json, random, re, subprocess, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TYPES = ["AWS::S3::Bucket", "AWS::IAM::Role", "AWS::Lambda::Function", "AWS::EC2::Instance",
         "AWS::EC2::SecurityGroup", "AWS::SNS::Topic", "AWS::DynamoDB::Table", "AWS::RDS::DBInstance"]
PROPS = ["Properties", "Properties.Tags", "Properties.Tags[*]", "Properties.Tags[*].Key", "Properties.BucketName",
         "Properties.Runtime", "Properties.Timeout", "Properties.MemorySize",
         "Properties.SecurityGroupIngress[*].CidrIp", "Properties.SecurityGroupIngress[*].FromPort",
         "Properties.Policies[*].PolicyDocument.Statement[*].Effect",
         "Properties.AssumeRolePolicyDocument.Statement[*].Action", "Properties.BucketEncryption",
         "Properties.VersioningConfiguration.Status", "Properties.StorageEncrypted", "Properties.InstanceType",
         "Properties.Environment.Variables", "Properties.KmsKeyId", "DeletionPolicy", "Condition", "Metadata",
         "Properties.Tags.0.Value", "Properties.*", "Properties[ keys == /Name$/ ]",
         "Properties.Tags[ Key == 'Name' ].Value", "Properties.Tags[ k | Key exists ]", "Properties.Subnets[0]",
         "Properties.Tags[*].Value IN %vals", "Properties[ keys in ['BucketName', 'Runtime'] ]",
         "Properties[ keys not in ['Tags'] ].*", "Properties.Tags[-1].Key", "Properties.%KEYVAR", "this.Properties",
         "Properties.Tags[*][ Key == /^a/ ].Value", "Properties.Environment.Variables.*",
         "Properties.Policies[*].PolicyDocument.Statement[ Effect == 'Allow' ].Action[*]",
         "Properties.SecurityGroupIngress[ CidrIp == '0.0.0.0/0' ].FromPort", "Properties.Code.ZipFile",
         "Properties.'Tags'", 'Properties["BucketName"]']
VALUES = ['"Enabled"', 'true', 'false', '30', '128', '3.5', 'null', '"python3.12"', '/^arn:/', '/.*/',
          '["a","b"]', '[80, 443]', '{ Ref: "X" }', 'r[1,300]', 'r(0.0, 10.5]', '"0.0.0.0/0"', '"Allow"', '"*"',
          '""', '/(?i)name/', '["Enabled"]', '1', '-1', '%vals', '/\\d+/', '["Enabled", "Suspended"]', 'r[a,z]']
BINARY = ["==", "!=", ">", ">=", "<", "<=", "IN", "NOT IN", "not in", "in"]
UNARY = ["exists", "!exists", "NOT EXISTS", "empty", "!empty", "not empty", "is_string", "is_list", "is_struct",
         "is_bool", "is_int", "is_float", "is_null", "!is_string", "NOT IS_LIST"]
FUNCS = ["count(%s)", "to_lower(%s)", "to_upper(%s)", "parse_string(%s)", "url_decode(%s)", "json_parse(%s)",
         'join(%s, ",")', "substring(%s, 0, 3)", 'regex_replace(%s, "^(\\\\w+)", "${1}x")', "parse_int(%s)",
         "parse_boolean(%s)", "parse_float(%s)", "parse_char(%s)"]
SOURCES = ["Resources.*.Properties.BucketName", "Resources.*.Properties.Runtime", "Resources.*.Type",
           "Resources.*.Properties.Timeout", "Resources.*.Properties.Tags[*].Value"]


def clause(rnd, prefix):
    p = rnd.choice(PROPS)
    q = prefix + "." + p if prefix else p
    some = "some " if rnd.random() < 0.15 else ""
    neg = "not " if rnd.random() < 0.08 else ""
    if rnd.random() < 0.4:
        return f"{neg}{some}{q} {rnd.choice(UNARY)}"
    return f"{neg}{some}{q} {rnd.choice(BINARY)} {rnd.choice(VALUES)}"


def rule_file(seed):
    rnd = random.Random(seed)
    lines = ["let INPUT = this", 'let vals = ["a", "b", /^prod/]', 'let KEYVAR = "BucketName"']
    variables = []
    for i in range(rnd.randint(0, 3)):
        lines.append(f"let v{i} = Resources.*[ Type == '{rnd.choice(TYPES)}' ]")
        variables.append(f"v{i}")
    functions = []
    for i in range(rnd.randint(0, 2)):
        lines.append(f"let f{i} = " + rnd.choice(FUNCS) % rnd.choice(SOURCES))
        functions.append(f"f{i}")
    lines.append("rule helper(x) {\n  %x exists\n}")
    names = []
    for r in range(rnd.randint(1, 5)):
        names.append(f"r{r}")
        body = []
        for _ in range(rnd.randint(1, 4)):
            k = rnd.random()
            if k < 0.3 and variables:
                body.append(clause(rnd, "%" + rnd.choice(variables)))
            elif k < 0.5:
                inner = "\n    ".join(clause(rnd, "") for _ in range(rnd.randint(1, 3)))
                body.append(f"{rnd.choice(TYPES)} {{\n    {inner}\n  }}")
            elif k < 0.6 and variables:
                body.append(f"%{rnd.choice(variables)} {{\n    {clause(rnd, '')}\n  }}")
            elif k < 0.7 and functions:
                tail = rnd.choice(UNARY[:6] + ['== 1', '!= "x"', '>= 2', 'IN ["a"]'])
                body.append(f"%{rnd.choice(functions)} {tail}")
            elif k < 0.78 and len(names) > 1:
                body.append(rnd.choice(["", "not "]) + rnd.choice(names[:-1]))
            elif k < 0.85:
                body.append(clause(rnd, "Resources.*") + " or\n  " + clause(rnd, "Resources.*"))
            elif k < 0.9 and variables:
                body.append(f"helper(%{rnd.choice(variables)}.Properties)")
            elif k < 0.95:
                body.append(f"when %INPUT.Resources exists {{\n    {clause(rnd, 'Resources.*')}\n  }}")
            elif k < 0.97:
                body.append(f"Resources.*[ Type == '{rnd.choice(TYPES)}' ] not empty {{\n    "
                            f"{clause(rnd, '')}\n  }}")
            else:
                body.append(clause(rnd, "Resources.*") + " << custom message >>")
        when = f" when %{rnd.choice(variables)} !empty" if rnd.random() < 0.5 and variables else ""
        lines.append(f"rule r{r}{when} {{\n  " + "\n  ".join(body) + "\n}")
    if rnd.random() < 0.3:
        lines.append(clause(rnd, "Resources.*"))
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- grammar mode: literal forms in every position

REGEX_ATOMS = ["a", "b", "z", "0", "-", "_", ":", "\\:", "\\/", "\\.", "\\-", "\\{", "\\}", "{", "}", "{{", "}}",
               "resolve", "\\d", "\\w", "\\s", "\\D", "\\W", "\\h", "\\v", "\\t", "\\x41", "\\u00e9", "\\x{1F600}",
               "[a-z]", "[^/]", "[[:alpha:]]", "[[:digit:]-]", "[\\d\\-]", "[]a]", "[\\h]", "[a-zA-Z0-9_]", ".", "é",
               " ", "#", "%", "\\#", "\\ ", "\\<", "\\>", "\\p{L}", "\\pN", "\\P{Lu}", "\\e", "\\a", "[\\b]", "\\$"]
REGEX_BAD = ["\\y", "\\q", "\\c", "(", ")", "[", "*", "\\", "(?z)", "[z-a]", "a**", "\\b{", "\\p{Nope}", "(?P<1>a)",
             "\\k<zz>", "{,", "x{3,1}", "\\o"]
QUANTS = ["", "", "", "*", "+", "?", "{2}", "{1,3}", "{,3}", "{2,}", "*?", "+?", "??", "{2}?", "{ 2 }", "{x}", "{",
          "*+", "{1,3}+"]
STR_PARTS = ["a", "Z", "9", " ", "{{resolve:secretsmanager:db}}", "{{resolve:ssm-secure:p}}", "\\'", '\\"', "\\\\",
             "\\n", "/", "#", ":", ",", "]", "}", "é", "日本", "%x", "<<", ">>", "$", "*", "-", "."]
DATA_STRINGS = ["{{resolve:secretsmanager:db}}", "{{resolve:ssm-secure:p}}", "plain", "", "a", "A", "Z", "abc",
                "a/b", "a:b", "é", "日本", "x y", "a\\b", "a{b}", "2", "-7", "1.5", "true", "null", "aa", "a-z",
                "0xA", "a\nb", "#"]


def gen_regex(rnd, depth=0):
    n = rnd.randint(1, 4)
    parts = []
    for _ in range(n):
        k = rnd.random()
        if k < 0.08 and depth < 2:
            inner = gen_regex(rnd, depth + 1)
            parts.append(rnd.choice(["(", "(?:", "(?i:", "(?P<g>", "(?i)(", "(?=", "(?!"]) + inner + ")")
            if parts[-1].startswith("(?=") or parts[-1].startswith("(?!"):
                continue
        elif k < 0.12 and depth < 2:
            parts.append(gen_regex(rnd, depth + 1) + "|" + gen_regex(rnd, depth + 1))
        elif k < 0.16 and not rnd.valid_only:
            parts.append(rnd.choice(REGEX_BAD))
        else:
            parts.append(rnd.choice(REGEX_ATOMS))
        if not (rnd.valid_only and parts[-1] in ("\\<", "\\>", "^", "$")):
            parts[-1] += rnd.choice(QUANTS)
    body = "".join(parts)
    if depth == 0:
        if rnd.random() < 0.3:
            body = "^" + body
        if rnd.random() < 0.3:
            body += "$"
        if rnd.random() < 0.15:
            body = rnd.choice(["(?i)", "(?m)", "(?s)", "(?x)", "(?U)", "(?-i)", "(?iu)"]) + body
        body = body.replace("/", "\\/")
    return body


def gen_string(rnd):
    q = rnd.choice(["'", '"'])
    body = "".join(rnd.choice(STR_PARTS) for _ in range(rnd.randint(0, 4)))
    body = body.replace("\\'" if q == '"' else '\\"', "")
    if q == "'":
        body = body.replace("'", "\\'").replace("\\\\'", "\\'")
    else:
        body = body.replace('"', '\\"').replace('\\\\"', '\\"')
    if rnd.random() < 0.03 and not rnd.valid_only:
        return q + body  # unterminated
    return q + body + q


def gen_number(rnd):
    if rnd.valid_only:
        return rnd.choice(["0", "1", "2", "42", "-7", "-0", "007", "1.5", "2.25", "0.0", "1.5e3", "1.5E-3",
                           "3.0e+2", "9223372036854775807", "-9223372036854775807", "1.0", "100"])
    return rnd.choice(["0", "1", "2", "42", "-7", "-0", "007", "+5", "1.5", "-2.25", "0.0", "1e5", "1.5e3", "1.5E-3",
                       "2.", ".5", "1e+5", "3.0e+2", "-1.5", "99999999999999999999", "9223372036854775807",
                       "-9223372036854775808", "1_000", "0x1F", "12abc", "1.5.2"])


def gen_range(rnd):
    if rnd.valid_only:
        lo, hi = rnd.choice([("1", "5"), ("-5", "5"), ("0", "100"), ("1.5", "2.5"), ("1.0", "1.0e1"), ("a", "z"),
                             ("A", "Z"), (" 1 ", " 5 "), ("2", "1")])
        return "r" + rnd.choice("([") + lo + "," + rnd.choice(["", " "]) + hi + rnd.choice(")]")
    lo, hi = rnd.choice([("1", "5"), ("-5", "5"), ("0", "100"), ("1.5", "2.5"), ("-1.0", "1.0e1"), ("a", "z"),
                         ("A", "Z"), ("1", "2.5"), ("a", "5"), (" 1 ", " 5 "), ("2", "1")])
    return "r" + rnd.choice("([") + lo + "," + rnd.choice(["", " "]) + hi + rnd.choice(")]")


def gen_key(rnd):
    if rnd.valid_only:
        return rnd.choice(["a", "Key", "key-with-dash", "k_1", "Ünï", '"quoted key"', "'single: q'", '"a.b"', "1",
                           '"{{x}}"'])
    return rnd.choice(["a", "Key", "key-with-dash", "k_1", "Ünï", '"quoted key"', "'single: q'", '"a.b"', "1",
                       '"{{x}}"', "a b", "%v"])


def ws(rnd):
    return rnd.choice(["", "", " ", "  ", "\n  ", " # c\n "])


def gen_literal(rnd, depth=0):
    k = rnd.random()
    if depth < 3 and k < 0.14:
        items = [gen_literal(rnd, depth + 1) for _ in range(rnd.randint(0, 3))]
        sep = "," + ws(rnd)
        trail = "," if rnd.random() < 0.05 and not rnd.valid_only else ""
        return "[" + ws(rnd) + sep.join(items) + trail + ws(rnd) + "]"
    if depth < 3 and k < 0.24:
        items = [gen_key(rnd) + ws(rnd) + ":" + ws(rnd) + gen_literal(rnd, depth + 1)
                 for _ in range(rnd.randint(0, 3))]
        return "{" + ws(rnd) + ("," + ws(rnd)).join(items) + ws(rnd) + "}"
    if k < 0.45:
        return "/" + gen_regex(rnd) + "/"
    if k < 0.62:
        return gen_string(rnd)
    if k < 0.77:
        return gen_number(rnd)
    if k < 0.85:
        return gen_range(rnd)
    if rnd.valid_only:
        return rnd.choice(["true", "True", "false", "False", "null", "NULL"])
    return rnd.choice(["true", "True", "false", "False", "TRUE", "null", "NULL", "Null", "nullx"])


G_PROPS = ["S", "N", "F", "B", "Z", "L", "M", "Tags[*].Key", "Tags[*].Value", "L[*]", "M.a", "E"]
G_OPS = ["==", "!=", "IN", "in", "not in", "NOT IN", ">", ">=", "<", "<="]


def g_clause(rnd, prefix="Resources.*.Properties."):
    op = rnd.choice(G_OPS)
    lit = gen_literal(rnd)
    if op.lower().endswith("in") and rnd.random() < 0.7:
        lit = "[" + ", ".join(gen_literal(rnd, 1) for _ in range(rnd.randint(1, 3))) + "]"
    return f"{prefix}{rnd.choice(G_PROPS)} {op} {lit}"


def grammar_rule_file(seed):
    rnd = random.Random(seed)
    rnd.valid_only = rnd.random() < 0.7  # most files use valid forms only, so that verdicts get compared
    lines = []
    lets = []
    for i in range(rnd.randint(0, 2)):
        lines.append(f"let lit{i} = {gen_literal(rnd)}")
        lets.append(f"lit{i}")
    if rnd.random() < 0.3:
        lines.append(f"let fn0 = regex_replace(Resources.*.Properties.S, {gen_string(rnd)}, \"x\")")
    lines.append("rule check(v) {\n  %v exists\n}")
    for r in range(rnd.randint(1, 3)):
        body = []
        for _ in range(rnd.randint(1, 3)):
            k = rnd.random()
            if k < 0.45:
                body.append(g_clause(rnd))
            elif k < 0.55 and lets:
                body.append(f"Resources.*.Properties.{rnd.choice(G_PROPS)} {rnd.choice(G_OPS)} %{rnd.choice(lets)}")
            elif k < 0.62:
                body.append(f"Resources.*.Properties[ keys {rnd.choice(['==', 'in', 'not in'])} "
                            f"{gen_literal(rnd)} ]" + " !empty")
            elif k < 0.69:
                body.append(f"Resources.*.Properties.Tags[ Key == {gen_literal(rnd)} ] !empty")
            elif k < 0.76:
                body.append(f"check({gen_literal(rnd)})")
            elif k < 0.82:
                body.append(f"when {g_clause(rnd)} {{\n    {g_clause(rnd)}\n  }}")
            elif k < 0.88:
                body.append(f"count(Resources.*.Properties.{rnd.choice(G_PROPS)}) {rnd.choice(G_OPS)} "
                            f"{gen_literal(rnd)}")
            elif k < 0.94:
                body.append(f"AWS::Test::Thing {{\n    Properties.{rnd.choice(G_PROPS)} {rnd.choice(G_OPS)} "
                            f"{gen_literal(rnd)}\n  }}")
            else:
                body.append(g_clause(rnd) + " or\n  " + g_clause(rnd))
        when = f" when {g_clause(rnd)}" if rnd.random() < 0.2 else ""
        lines.append(f"rule r{r}{when} {{\n  " + "\n  ".join(body) + "\n}")
    return "\n".join(lines) + "\n"


def grammar_data(rnd, i):
    def scalar():
        k = rnd.random()
        if k < 0.6:
            return json.dumps(rnd.choice(DATA_STRINGS), ensure_ascii=False)
        return rnd.choice(["1", "2", "42", "-7", "0", "1.5", "-2.25", "true", "false", "null", "3.0"])
    res = {}
    for j in range(3):
        props = {
            "S": json.loads(scalar()), "N": rnd.choice([1, 2, 3, 42, -7, 0, 100]),
            "F": rnd.choice([1.5, 2.0, -2.25, 0.5, 10.0]), "B": rnd.choice([True, False]), "Z": None,
            "L": [json.loads(scalar()) for _ in range(rnd.randint(0, 3))],
            "M": {rnd.choice(["a", "Key", "key-with-dash", "k_1", "quoted key", "a.b"]): json.loads(scalar())
                  for _ in range(rnd.randint(0, 3))},
            "Tags": [{"Key": json.loads(scalar()), "Value": json.loads(scalar())} for _ in range(rnd.randint(0, 2))],
        }
        if rnd.random() < 0.3:
            props["E"] = json.loads(scalar())
        res[f"R{j}"] = {"Type": rnd.choice(["AWS::Test::Thing", "AWS::Other::Thing"]), "Properties": props}
    return json.dumps({"Resources": res}, indent=1, ensure_ascii=False)

PARSE_ERR = re.compile(r"Parsing error handling rule file = (\S+?), Error")
THEIR_POS = re.compile(r"Parsing error handling rule file = (\S+?), Error = .*? at line (\d+) at column (\d+)")
OUR_POS = re.compile(r"Parsing error handling rule file = (\S+?), Error = Parser Error when parsing `\S+?:(\d+):(\d+):")


def run_both(oracle, jar, rules, data):
    args = ["validate", "-r", str(rules), "-d", str(data), "-o", "json", "-z", "-S", "none"]
    theirs = subprocess.run([oracle] + args, capture_output=True)
    ours = subprocess.run(["java", "-jar", str(jar), "guard"] + args, capture_output=True)
    return theirs, ours


def refused(proc, pattern=PARSE_ERR):
    text = proc.stderr.decode("utf-8", "replace")
    if pattern is PARSE_ERR:
        return set(pattern.findall(text))
    return {m[0]: (m[1], m[2]) for m in pattern.findall(text)}


def grammar_main(a, oracle, jar):
    keep = Path(a.keep or tempfile.mkdtemp(prefix="guard-grammar-fuzz-"))
    keep.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(a.seed)
    rnd.valid_only = True
    data = keep / "data"
    data.mkdir(exist_ok=True)
    for i in range(4):
        (data / f"d{i}.json").write_text(grammar_data(rnd, i), encoding="utf-8")
    total = agree = accepted_both = refused_both = same_pos = 0
    bad = []
    for start in range(a.seed, a.seed + a.count, a.batch):
        batch = keep / f"batch-{start}"
        batch.mkdir(exist_ok=True)
        seeds = list(range(start, min(start + a.batch, a.seed + a.count)))
        for s in seeds:
            (batch / f"g{s}.guard").write_text(grammar_rule_file(s), encoding="utf-8")
        theirs, ours = run_both(oracle, jar, batch, data)
        t_ref, o_ref = refused(theirs), refused(ours)
        t_pos, o_pos = refused(theirs, THEIR_POS), refused(ours, OUR_POS)
        same_pos += sum(1 for f in t_ref & o_ref if t_pos.get(f) == o_pos.get(f))
        total += len(seeds)
        if theirs.returncode == ours.returncode and theirs.stdout == ours.stdout and t_ref == o_ref \
                and theirs.returncode != 255:
            agree += len(seeds)
            refused_both += len(t_ref)
            accepted_both += len(seeds) - len(t_ref)
            for s in seeds:
                (batch / f"g{s}.guard").unlink()
            batch.rmdir()
            continue
        for s in seeds:
            f = batch / f"g{s}.guard"
            t1, o1 = run_both(oracle, jar, f, data)
            t_r, o_r = bool(refused(t1)), bool(refused(o1))
            if t1.returncode == o1.returncode and t1.stdout == o1.stdout and t_r == o_r:
                agree += 1
                refused_both += t_r
                accepted_both += not t_r
                f.unlink()
                continue
            bad.append(s)
            (batch / f"g{s}.cfn-guard.out").write_bytes(t1.stdout + t1.stderr)
            (batch / f"g{s}.ours.out").write_bytes(o1.stdout + o1.stderr)
            what = "acceptance" if t_r != o_r else "verdicts"
            print(f"seed {s}: {what} differ: cfn-guard exit {t1.returncode} {'refuses' if t_r else 'accepts'}, "
                  f"ours exit {o1.returncode} {'refuses' if o_r else 'accepts'} ({f})")
    print(f"grammar fuzz seed {a.seed}: {total} rule files, {agree} agree ({accepted_both} accepted by both, "
          f"{refused_both} refused by both, parse error position equal for {same_pos}), {len(bad)} differ")
    return 1 if bad else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--keep")
    ap.add_argument("--grammar", action="store_true", help="generate literal forms from the grammar (see above)")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder (default: ../shared)")
    ap.add_argument("--batch", type=int, default=25, help="rule files per run in --grammar mode")
    a = ap.parse_args()
    out = subprocess.run([str(Path(a.shared) / "tools" / "cfn-guard-oracle")], capture_output=True,
                         text=True, check=True).stdout
    oracle = dict(line.split("=", 1) for line in out.split() if "=" in line)["BIN"]
    jar = ROOT / "validator-cli" / "target" / "cfn-validator.jar"
    if a.grammar:
        return grammar_main(a, oracle, jar)
    corpus = Path(a.shared) / "corpus" / "templates"
    files = sorted(p for p in corpus.rglob("*") if p.is_file())
    sample = files[::10]
    data = []
    for f in sample:
        data += ["-d", str(f)]
    keep = Path(a.keep or tempfile.mkdtemp(prefix="guard-fuzz-"))
    keep.mkdir(parents=True, exist_ok=True)
    jar = ROOT / "validator-cli" / "target" / "cfn-validator.jar"
    diffs = 0
    for seed in range(a.seed, a.seed + a.count):
        rules = keep / f"fuzz-{seed}.guard"
        rules.write_text(rule_file(seed))
        args = ["validate", "-r", str(rules)] + data + ["-o", "json", "-z", "-S", "none"]
        theirs = subprocess.run([oracle] + args, capture_output=True)
        ours = subprocess.run(["java", "-jar", str(jar), "guard"] + args, capture_output=True)
        if theirs.returncode != ours.returncode or theirs.stdout != ours.stdout:
            diffs += 1
            (keep / f"fuzz-{seed}.cfn-guard.json").write_bytes(theirs.stdout)
            (keep / f"fuzz-{seed}.ours.json").write_bytes(ours.stdout)
            print(f"seed {seed}: exit {theirs.returncode}/{ours.returncode}, output "
                  f"{'same' if theirs.stdout == ours.stdout else 'differs'} ({rules})")
        else:
            rules.unlink()
    print(f"{a.count} rule files over {len(sample)} templates: {diffs} differ")
    return 1 if diffs else 0


if __name__ == "__main__":
    raise SystemExit(main())
