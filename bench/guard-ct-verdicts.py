#!/usr/bin/env python3
"""Regenerates the expected Control Tower verdicts that GuardControlTowerTest compares with, from cfn-guard 3.1.1.

For each of the 237 AWS Control Tower rule files (installed with the reference binary by
../shared/tools/cfn-guard-oracle) it runs
    cfn-guard validate -r RULE_FILE -d ../shared/corpus/templates -o json -z -S none
and writes validator-guard/src/test/resources/guard/control-tower-verdicts.tsv: a header with the totals, then one
line per PASS or FAIL verdict, `rule file <TAB> template <TAB> rule <TAB> PASS|FAIL` (rule file relative to the rules
folder, template relative to the templates folder), sorted. Every (rule file, template, rule) triple not listed is a
SKIP; the header's totals are the lengths of cfn-guard's compliant / not_compliant / not_applicable lists (a
failing rule is listed in not_applicable too), which the test compares with its own.

    bench/guard-ct-verdicts.py [--shared ../shared] [--check]

--check compares with the checked-in file instead of writing it (exit 1 if they differ). Run it again when the
corpus or the oracle changes; commit the result.
"""
import argparse, json, os, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "validator-guard" / "src" / "test" / "resources" / "guard" / "control-tower-verdicts.tsv"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    out = subprocess.run([str(Path(a.shared) / "tools" / "cfn-guard-oracle")], capture_output=True, text=True,
                         check=True).stdout
    kv = dict(line.split("=", 1) for line in out.split() if "=" in line)
    binary, rules_root = kv["BIN"], Path(kv["RULES"])
    templates = (Path(a.shared) / "corpus" / "templates").resolve()
    rule_files = sorted(rules_root.rglob("*.guard"))
    lines, totals = [], {"PASS": 0, "FAIL": 0, "SKIP": 0}
    for rf in rule_files:
        p = subprocess.run([binary, "validate", "-r", str(rf), "-d", str(templates), "-o", "json", "-z", "-S", "none"],
                           capture_output=True, text=True)
        reports = json.loads(p.stdout) if p.stdout.strip() else []
        if p.returncode not in (0, 19) or not reports:
            sys.exit(f"guard-ct-verdicts: cfn-guard exit {p.returncode} on {rf}: {p.stderr[:300]}")
        for rep in reports if isinstance(reports, list) else [reports]:
            data = os.path.relpath(os.path.realpath(rep["name"]), templates)
            verdicts = {r: "PASS" for r in rep.get("compliant") or []}
            verdicts.update({r: "SKIP" for r in rep.get("not_applicable") or []})
            verdicts.update({r["Rule"]["name"]: "FAIL" for r in rep.get("not_compliant") or []})
            totals["PASS"] += len(rep.get("compliant") or [])
            totals["SKIP"] += len(rep.get("not_applicable") or [])
            totals["FAIL"] += len(rep.get("not_compliant") or [])
            for rule, v in verdicts.items():
                if v != "SKIP":
                    lines.append(f"{rf.relative_to(rules_root)}\t{data}\t{rule}\t{v}")
    lines.sort()
    text = ("# cfn-guard 3.1.1 verdicts of the AWS Control Tower rules over ../shared/corpus/templates"
            " (bench/guard-ct-verdicts.py)\n"
            f"# rule files: {len(rule_files)}, PASS: {totals['PASS']}, FAIL: {totals['FAIL']}, SKIP: {totals['SKIP']}\n"
            + "\n".join(lines) + "\n")
    if a.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("control-tower-verdicts.tsv is " + ("up to date" if same else "OUT OF DATE"))
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rule_files)} rule files, {totals}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
