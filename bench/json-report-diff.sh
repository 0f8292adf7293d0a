#!/usr/bin/env bash
# Behaviour check for refactorings: the CLI's JSON report (and text report and exit code) over the shared corpus,
# from the jar built at a git revision ("before") and from the working tree ("after"), diffed.
#
# Usage: bench/json-report-diff.sh [BEFORE_REVISION] [CORPUS] [validate options...]
#        (defaults: main, ../shared/corpus/templates; e.g. options: --rules DIR --unresolved error)
#   BEFORE_JAR=path  use an already built "before" jar instead of building the revision
#   AFTER_JAR=path   use an already built "after" jar instead of building the working tree
# The "before" jar is built in a temporary `git worktree` under ${TMPDIR:-/tmp} (removed afterwards) with
# `mvn -o -q package -DskipTests -pl validator-cli -am`; nothing is installed into ~/.m2.
# Exit status: 0 identical, 1 the reports differ (the diff is printed), 2 a build failed.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
rev="${1:-main}"
corpus=$(cd "${2:-../shared/corpus/templates}" && pwd)
shift 2 2>/dev/null || shift $#
options=("$@")
work=$(mktemp -d "${TMPDIR:-/tmp}/json-report-diff.XXXXXX")
cleanup() {
  if [ -d "$work/tree" ]; then git -C "$repo" worktree remove --force "$work/tree" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

build() {  # build DIR -> prints the jar path
  (cd "$1" && mvn -B -ntp -o -q package -DskipTests -pl validator-cli -am >"$work/build.log" 2>&1) \
    || { echo "build failed in $1 (see below)" >&2; tail -40 "$work/build.log" >&2; exit 2; }
  echo "$1/validator-cli/target/cfn-validator.jar"
}

commit=$(git rev-parse --short "$rev")
if [ -n "${BEFORE_JAR:-}" ]; then before="$BEFORE_JAR"; else
  git worktree add --detach "$work/tree" "$commit" >/dev/null 2>&1
  before=$(build "$work/tree")
fi
if [ -n "${AFTER_JAR:-}" ]; then after="$AFTER_JAR"; else after=$(build "$repo"); fi

status=0
for format in json text; do
  for side in before after; do
    jar=${!side}
    # the same working directory and arguments for both, so paths in the reports are comparable
    set +e
    java -jar "$jar" validate --no-config --format "$format" ${options[@]+"${options[@]}"} "$corpus" >"$work/$side.$format" 2>"$work/$side.$format.err"
    echo $? >"$work/$side.$format.exit"
    set -e
  done
  if cmp -s "$work/before.$format" "$work/after.$format" && cmp -s "$work/before.$format.exit" "$work/after.$format.exit" \
      && cmp -s "$work/before.$format.err" "$work/after.$format.err"; then
    echo "$format: identical ($(wc -c <"$work/after.$format") bytes, exit code $(cat "$work/after.$format.exit")," \
      "before = $commit, after = working tree$(git diff --quiet HEAD && echo " at $(git rev-parse --short HEAD)" || echo " (uncommitted changes over $(git rev-parse --short HEAD))"))"
  else
    status=1
    echo "$format: DIFFERENT (exit codes: before $(cat "$work/before.$format.exit"), after $(cat "$work/after.$format.exit"))"
    diff "$work/before.$format" "$work/after.$format" | head -100 || true
    diff "$work/before.$format.err" "$work/after.$format.err" | head -20 || true
  fi
done
if [ "$status" = 0 ] && command -v python3 >/dev/null; then
  python3 - "$work/after.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
s = r["summary"]
print("corpus: %d files, %d templates, %d skipped, %d invalid; %d errors, %d warnings" % (
    len(r["files"]), s["templates"], s.get("skipped", 0), s.get("invalid", 0), s["errors"], s["warnings"]))
PY
fi
exit $status
