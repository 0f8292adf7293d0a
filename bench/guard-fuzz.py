#!/usr/bin/env python3
"""Differential fuzzing of the Guard engine against cfn-guard 3.1.1.

Generates random rule files (lets, filters, map-key filters, some/this/%var, blocks, type blocks, when blocks,
parameterized rules, rule references, disjunctions, every operator, functions, custom messages), runs
`validate -r RULE -d <sample templates> -o json -z -S none` with cfn-guard (installed by
../shared/tools/cfn-guard-oracle) and with cfn-validator, and compares output bytes and exit codes.

    bench/guard-fuzz.py [--seed 1] [--count 100] [--keep DIR]

Build first (mvn -B -ntp -pl validator-core,validator-cli -am package -DskipTests). Prints one line per
difference and a summary; failing rule files are kept in --keep (default: a temporary folder).
"""
import argparse, random, subprocess, tempfile
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


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--keep")
    a = ap.parse_args()
    out = subprocess.run([str(ROOT.parent / "shared" / "tools" / "cfn-guard-oracle")], capture_output=True,
                         text=True, check=True).stdout
    oracle = dict(line.split("=", 1) for line in out.split() if "=" in line)["BIN"]
    corpus = ROOT.parent / "shared" / "corpus" / "templates"
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
