#!/usr/bin/env bash
# A real editor as the language client: Emacs in batch mode with eglot (Debian bookworm: emacs-nox 28.2 and
# elpa-eglot 1.9) runs lsp-test.el against the shaded jar on a copy of examples/quickstart/endpoint-single-instance.yaml.
# Usage: editor-test/emacs/run.sh [path/to/cfn-validator.jar]   (after `mvn verify` or `mvn package`)
# Needs: emacs and java on PATH, and eglot (built in from Emacs 29; else the elpa-eglot package).
# Exit status: 0 every check passes, 1 a check fails, 2 emacs, eglot or the jar is missing, 124 timeout.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
top="$(cd "$here/../.." && pwd)"
jar="$(realpath -m "${1:-$top/validator-cli/target/cfn-validator.jar}")"
command -v emacs >/dev/null || { echo "editor-test: emacs is not installed (apt-get install -y emacs-nox elpa-eglot)" >&2; exit 2; }
[ -f "$jar" ] || { echo "editor-test: $jar not found (run mvn package first)" >&2; exit 2; }
# Debian's ELPA packages live in /usr/share/emacs/site-lisp/elpa/NAME-VERSION; `emacs -Q` does not load them itself.
dirs="$(find /usr/share/emacs/site-lisp/elpa -mindepth 1 -maxdepth 1 -type d 2>/dev/null | sort | paste -sd: -)"
CFN_EGLOT_DIRS="$dirs" emacs -Q --batch --eval \
  "(progn (dolist (d (split-string (or (getenv \"CFN_EGLOT_DIRS\") \"\") \":\" t)) (add-to-list 'load-path d))
          (kill-emacs (if (locate-library \"eglot\") 0 1)))" \
  || { echo "editor-test: eglot is not installed (apt-get install -y elpa-eglot, or Emacs 29+)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$top/examples/quickstart/endpoint-single-instance.yaml" "$work/template.yaml"
emacs --version | head -n 1
CFN_JAR="$jar" CFN_FILE="$work/template.yaml" CFN_EGLOT_DIRS="$dirs" HOME="$work" \
  XDG_CONFIG_HOME="$work" XDG_CACHE_HOME="$work" XDG_STATE_HOME="$work" XDG_DATA_HOME="$work" \
  timeout 180 emacs -Q --batch -l "$here/lsp-test.el"
