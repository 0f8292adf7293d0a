#!/usr/bin/env bash
# Renders the HTML reports in a real browser (headless Chromium) and checks them:
#   - the page loads with no console message (no script error, nothing blocked, nothing fetched),
#   - the expected elements are there after the page's script ran (verdict, summary counts, rules and files
#     tables, one article per finding of the JSON report of the same run, highlighted lines, witness tables,
#     the filter bar shown by the script with "N shown"),
#   - without JavaScript (the page as written, which is what a browser with scripts off shows), every finding is
#     still there and the filter bar stays hidden,
#   - a screenshot of each report goes to target/html-check/NAME.png.
# Reports rendered: the examples/ folder (CLI, --format html); the whole shared corpus with the Control Tower Guard
# rules when ../shared and the reference cfn-guard rules are present (a large run: its size is printed); and the
# Maven site page of the site-report IT when that IT has run.
#
# Usage: scripts/html-browser-check.sh            (from anywhere; builds the CLI jar if it is missing)
# Installs Chromium with apt-get when no chromium/chromium-headless-shell is on PATH (CI: run as root or with sudo).
# Environment: CHROME=path to use another Chromium-based browser; CFN_SHARED=the shared folder (default ../shared).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=$ROOT/target/html-check
mkdir -p "$OUT"
JAR=$ROOT/validator-cli/target/cfn-validator.jar

find_browser() {
  for b in "${CHROME:-}" chromium chromium-headless-shell chromium-browser google-chrome; do
    if [ -n "$b" ] && command -v "$b" > /dev/null 2>&1; then command -v "$b"; return 0; fi
  done
  for b in /usr/lib/chromium/chromium-headless-shell /usr/lib/chromium/chromium; do
    if [ -x "$b" ]; then echo "$b"; return 0; fi
  done
  return 1
}

if ! BROWSER=$(find_browser); then
  echo "html-browser-check: no Chromium found; installing it with apt-get" >&2
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium > /dev/null
  BROWSER=$(find_browser)
fi
command -v python3 > /dev/null || { echo "html-browser-check: python3 is needed" >&2; exit 2; }
echo "html-browser-check: browser $BROWSER ($("$BROWSER" --version 2>/dev/null | head -n 1))"

if [ ! -f "$JAR" ]; then
  echo "html-browser-check: building the CLI jar"
  mvn -B -ntp -q package -DskipTests -pl validator-cli -am
fi

# One isolated profile per run; no sandbox (CI containers run as root), no GPU.
PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE"' EXIT
chrome() {
  timeout 180 "$BROWSER" --headless --no-sandbox --disable-gpu --no-first-run --no-default-browser-check \
    --disable-extensions --disable-background-networking --user-data-dir="$PROFILE" "$@"
}

# check NAME HTML JSON: render, dump the DOM after the page's script ran, screenshot, then check the DOM.
check() {
  local name=$1 html=$2 json=$3
  local url="file://$html"
  chrome --enable-logging=stderr --v=0 --virtual-time-budget=5000 --dump-dom "$url" \
    > "$OUT/$name.dom.html" 2> "$OUT/$name.console.log"
  chrome --hide-scrollbars --window-size=1280,1800 --screenshot="$OUT/$name.png" "$url" > /dev/null 2>&1
  test -s "$OUT/$name.png" || { echo "html-browser-check: $name: no screenshot" >&2; exit 1; }
  python3 "$ROOT/scripts/html_dom_check.py" "$name" "$json" "$OUT/$name.dom.html" "$html" "$OUT/$name.console.log"
  echo "html-browser-check: $name: screenshot $OUT/$name.png"
}

# 1. the examples, as a person would run the CLI
java -jar "$JAR" validate --format html -o "$OUT/examples.html" examples/ > /dev/null || true
java -jar "$JAR" validate --format json -o "$OUT/examples.json" examples/ > /dev/null || true
check examples "$OUT/examples.html" "$OUT/examples.json"

# 2. a large run: the whole shared corpus with the 237 Control Tower rule files
SHARED=${CFN_SHARED:-$ROOT/../shared}
if [ -d "$SHARED/corpus/templates" ]; then
  RULES=""
  if [ -x "$SHARED/tools/cfn-guard-oracle" ]; then
    RULES=$("$SHARED/tools/cfn-guard-oracle" 2>/dev/null | sed -n 's/^RULES=//p' || true)
  fi
  ARGS=()
  if [ -n "$RULES" ] && [ -d "$RULES" ]; then ARGS=(--rules "$RULES"); fi
  java -jar "$JAR" validate "${ARGS[@]}" --format html -o "$OUT/corpus.html" "$SHARED/corpus/templates" > /dev/null || true
  java -jar "$JAR" validate "${ARGS[@]}" --format json -o "$OUT/corpus.json" "$SHARED/corpus/templates" > /dev/null || true
  start=$(date +%s)
  check corpus "$OUT/corpus.html" "$OUT/corpus.json"
  echo "html-browser-check: corpus: $(wc -c < "$OUT/corpus.html") bytes, checked in $(( $(date +%s) - start )) s"
else
  echo "html-browser-check: no shared corpus at $SHARED; large run not checked"
fi

# 3. the Maven site page, when the site-report IT has run (mvn verify)
SITE=$ROOT/validator-maven-plugin/target/it/site-report/target/site/cfn-validator.html
if [ -f "$SITE" ]; then
  check site "$SITE" ""
fi
echo "html-browser-check: OK"
