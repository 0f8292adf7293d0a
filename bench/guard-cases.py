#!/usr/bin/env python3
"""Writes or checks the expectations of the Guard stage tables (GuardOperatorsTest, GuardFunctionsTest,
GuardScopesTest, GuardEvaluatorTest) against the reference cfn-guard 3.1.1.

The tables are validator-guard/src/test/resources/guard-cases/*.cases. A case is

    === name
    <rule text>
    --- data
    <YAML or JSON document>
    --- expect
    <expectation, written by this script>

optionally with a `--- disabled <reason>` line before `--- expect` (the test then reports the case as skipped with
that reason; the expectation stays cfn-guard's). For each case this script writes the rules and the data to a
temporary folder and runs

    cfn-guard validate -r rules.guard -d data.yaml|data.json -o json --structured -S none

and renders the expectation the tests compare with (GuardCases.expectation does the same from our report):
the overall status, then one `<rule> PASS|FAIL|SKIP` line per rule (sorted by name), each failing rule followed by
its checks' messages, depth first, as `  <context> => <error_message> <<custom message>>`. When cfn-guard stops
with an error (exit 255) the expectation is `ERROR <message>`; a rule file it cannot parse gives `PARSE_ERROR`;
where it crashes (a panic, exit 101, or a signal such as a stack overflow) `CRASH <how>`, and the tests then require
that we stop with an error instead (docs/guard-compatibility.md, "Where CFN Validator differs", 5).

    bench/guard-cases.py [--write] [--shared ../shared] [FILE.cases ...]

Without --write it compares and exits 1 on any difference; with --write it rewrites the expect sections. Every
expectation in the tables came from this script; run it again with --write after adding a case, and commit.
"""
import argparse, json, subprocess, sys, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLES = ROOT / "validator-guard" / "src" / "test" / "resources" / "guard-cases"


def parse(text):
    """Splits a table into (preamble lines, cases); a case is a dict of name, rules, data, disabled, expect."""
    pre, cases, cur, section = [], [], None, None
    for line in text.split("\n"):
        if line.startswith("=== "):
            cur = {"name": line[4:].strip(), "rules": [], "data": [], "expect": [], "disabled": None}
            cases.append(cur)
            section = "rules"
        elif cur is None:
            pre.append(line)
        elif line.startswith("--- data"):
            section = "data"
        elif line.startswith("--- disabled"):
            cur["disabled"] = line[len("--- disabled"):].strip()
        elif line.startswith("--- expect"):
            section = "expect"
        else:
            cur[section].append(line)
    for c in cases:
        for k in ("rules", "data", "expect"):
            while c[k] and c[k][-1] == "":
                c[k].pop()
    return pre, cases


def render(pre, cases):
    out = list(pre)
    for c in cases:
        out.append("=== " + c["name"])
        out.extend(c["rules"])
        out.append("--- data")
        out.extend(c["data"])
        if c["disabled"]:
            out.append("--- disabled " + c["disabled"])
        out.append("--- expect")
        out.extend(c["expect"])
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def one_line(s):
    return s.replace("\\", "\\\\").replace("\n", "\\n")


def messages(node, out):
    if isinstance(node, dict):
        m = node.get("messages")
        if isinstance(m, dict) and (m.get("error_message") or m.get("custom_message")):
            line = "  "
            if node.get("context"):
                line += node["context"].strip() + " => "
            line += m.get("error_message") or ""
            if m.get("custom_message"):
                line += " <<" + m["custom_message"] + ">>"
            out.append(one_line(line.rstrip()))
        for k, v in node.items():
            if k != "messages":
                messages(v, out)
    elif isinstance(node, list):
        for v in node:
            messages(v, out)


def expectation(report):
    status = {}
    for n in report["not_applicable"]:
        status[n] = "SKIP"
    for n in report["compliant"]:
        status[n] = "PASS"
    failures = {}
    for f in report["not_compliant"]:
        rule = f["Rule"]
        status[rule["name"]] = "FAIL"
        msgs = []
        messages(rule, msgs)
        failures.setdefault(rule["name"], []).extend(msgs)
    lines = [report["status"]]
    for n in sorted(status):
        lines.append(n + " " + status[n])
        lines.extend(failures.get(n, []))
    return lines


def run(binary, case):
    with tempfile.TemporaryDirectory() as d:
        rules = Path(d) / "rules.guard"
        rules.write_text("\n".join(case["rules"]) + "\n")
        data_text = "\n".join(case["data"]) + "\n"
        data = Path(d) / ("data.json" if data_text.lstrip().startswith(("{", "[")) else "data.yaml")
        data.write_text(data_text)
        p = subprocess.run([binary, "validate", "-r", str(rules), "-d", str(data), "-o", "json", "--structured",
                            "-S", "none"], capture_output=True, text=True)
    if p.returncode == 101 or p.returncode < 0:
        return ["CRASH " + ("exit 101 (panic)" if p.returncode == 101 else f"signal {-p.returncode}")]
    if p.returncode == 255 or (p.returncode not in (0, 19) and "Error occurred" in p.stderr):
        msg = p.stderr.split("Error occurred ", 1)[-1].strip()
        return ["ERROR " + one_line(msg)]
    if p.returncode == 5 or "Parsing error" in p.stderr:
        return ["PARSE_ERROR"]
    try:
        reports = json.loads(p.stdout)
    except json.JSONDecodeError:
        raise SystemExit(f"{case['name']}: cfn-guard exited {p.returncode} without a report: {p.stderr.strip()}")
    if len(reports) != 1:
        raise SystemExit(f"{case['name']}: expected one report, got {len(reports)}: {p.stdout} {p.stderr}")
    return expectation(reports[0])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    binary = subprocess.run([str(Path(a.shared) / "tools" / "cfn-guard-oracle"), "bin"], capture_output=True,
                            text=True, check=True).stdout.strip()
    files = [Path(f) for f in a.files] or sorted(TABLES.glob("*.cases"))
    differ = 0
    for f in files:
        pre, cases = parse(f.read_text())
        names = set()
        for c in cases:
            if c["name"] in names:
                raise SystemExit(f"{f.name}: case name {c['name']} used twice")
            names.add(c["name"])
            got = run(binary, c)
            if got != c["expect"]:
                differ += 1
                if not a.write:
                    print(f"{f.name}: {c['name']}: expected\n  " + "\n  ".join(c["expect"]) + "\ncfn-guard says\n  "
                          + "\n  ".join(got))
            c["expect"] = got
        if a.write:
            f.write_text(render(pre, cases))
        print(f"{f.name}: {len(cases)} cases", file=sys.stderr)
    if differ and not a.write:
        print(f"{differ} case(s) differ from cfn-guard", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
