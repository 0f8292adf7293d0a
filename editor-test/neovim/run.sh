#!/usr/bin/env bash
# A real editor as the language client: headless Neovim (0.7 or later, e.g. Debian's `neovim` package) runs
# lsp_test.lua against the shaded jar on a copy of examples/quickstart/endpoint-single-instance.yaml.
# Usage: editor-test/neovim/run.sh [path/to/cfn-validator.jar]   (after `mvn verify` or `mvn package`)
# Needs: nvim and java on PATH. Exit status 0 when every check passes.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
top="$(cd "$here/../.." && pwd)"
jar="$(realpath -m "${1:-$top/validator-cli/target/cfn-validator.jar}")"
command -v nvim >/dev/null || { echo "editor-test: nvim is not installed (apt-get install -y neovim)" >&2; exit 2; }
[ -f "$jar" ] || { echo "editor-test: $jar not found (run mvn package first)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$top/examples/quickstart/endpoint-single-instance.yaml" "$work/template.yaml"
nvim --version | head -n 1
CFN_JAR="$jar" CFN_FILE="$work/template.yaml" HOME="$work" XDG_STATE_HOME="$work" XDG_DATA_HOME="$work" \
  timeout 180 nvim --headless --clean -n -c "luafile $here/lsp_test.lua"
