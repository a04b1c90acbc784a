#!/usr/bin/env bash
# The logic of the stanch GitHub Action (action.yml), kept in a script so that
# it can be run and tested outside GitHub. `action.sh install` installs stanch
# (see install_stanch below); `action.sh` scans.
#
# The scan decides which commits to scan from the event that started the workflow:
#   pull_request, pull_request_target: the pull request's commits (base.sha..head.sha)
#   merge_group:                       the queued commits (base_sha..head_sha)
#   push:                              the pushed commits (before..after); all of
#                                      after's history for a new branch
#   anything else (schedule, workflow_dispatch, ...): every commit of every ref
# It fetches what a shallow checkout lacks, and when it cannot resolve the
# range it fails and says what was not scanned: it never passes on nothing.
# Then it runs one `stanch history` scan that prints GitHub annotations and
# writes the SARIF log and a JSON report, appends a Markdown table of the
# findings to the job summary, sets the step's outputs, and logs how many
# commits and bytes were scanned.
#
# Environment:
#   GITHUB_EVENT_NAME, GITHUB_EVENT_PATH   the event and its payload (JSON)
#   GITHUB_WORKSPACE                       the checkout (default: the current directory)
#   GITHUB_OUTPUT, GITHUB_STEP_SUMMARY     files for outputs and the job summary (optional)
#   INPUT_ARGS                             extra stanch arguments, split on whitespace
#   INPUT_CONFIG, INPUT_BASELINE           passed as --config and --baseline when set
#   INPUT_SARIF                            where to write the SARIF log (default stanch.sarif)
#   INPUT_FAIL_ON_FINDINGS                 "true" (default) or "false"
#   STANCH_BIN                             the stanch binary (default: stanch on PATH)
# Exit status: 0 clean (or findings with fail-on-findings false), 1 findings,
# 2 nothing or not everything could be scanned, or stanch failed.
set -euo pipefail

# --- install -----------------------------------------------------------------
# `action.sh install` puts a stanch binary in place and names it in
# GITHUB_ENV (STANCH_BIN) and GITHUB_OUTPUT (path, version).
#
#   INPUT_VERSION        X.Y.Z (or vX.Y.Z): that release's binary; `latest`: the
#                        newest release's; empty: the release of this action's
#                        own version (its Cargo.toml, so the tag it is pinned
#                        at); `source`: build this checkout with cargo;
#                        `installed`: the stanch on PATH
#   STANCH_RELEASES_URL  where releases are (default: the project's GitHub
#                        releases); assets are at URL/download/vX.Y.Z/NAME and
#                        URL/latest/download/NAME, as GitHub serves them
#   STANCH_CACHE_DIR     where binaries are kept, by version and target
#                        (default: RUNNER_TOOL_CACHE/stanch, else ~/.cache/stanch)
#   RUNNER_OS, RUNNER_ARCH   the runner (default: from uname)
#
# A release binary is used only if its archive's SHA-256 is the one the
# release's sha256.sum lists, and if it says it is the version asked for. An
# unknown version, an unsupported runner, a checksum that does not match and a
# failed download each fail the step, naming what was wanted: it never falls
# back to building from source unless `source` is asked for.
install_fail() {
  printf '::error title=stanch setup::%s\n' "$(escape "$*")"
  exit 2
}

# The dist target triple of a runner, or nothing when no release has one.
release_target() {
  case "$1/$2" in
    Linux/X64) echo x86_64-unknown-linux-musl ;;
    Linux/ARM64) echo aarch64-unknown-linux-musl ;;
    macOS/X64) echo x86_64-apple-darwin ;;
    macOS/ARM64) echo aarch64-apple-darwin ;;
    Windows/X64) echo x86_64-pc-windows-msvc ;;
  esac
}

runner_os() {
  case $(uname -s) in
    Linux) echo Linux ;;
    Darwin) echo macOS ;;
    MINGW* | MSYS* | CYGWIN*) echo Windows ;;
    *) uname -s ;;
  esac
}

runner_arch() {
  case $(uname -m) in
    x86_64 | amd64) echo X64 ;;
    aarch64 | arm64) echo ARM64 ;;
    *) uname -m ;;
  esac
}

sha256() {
  if command -v sha256sum >/dev/null; then
    sha256sum "$1" | cut -d' ' -f1
  else
    shasum -a 256 "$1" | cut -d' ' -f1
  fi
}

# Downloads URL to FILE; prints the HTTP status (000 when nothing answered).
download() {
  curl --silent --show-error --location --retry 2 --connect-timeout 20 \
    --output "$2" --write-out '%{http_code}' "$1" 2>"$2.err" || true
}

install_stanch() {
  local start version action_path os arch target ext base cache dir bin exe tmp status want got reported
  start=${EPOCHREALTIME/,/.}
  action_path=${GITHUB_ACTION_PATH:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
  version=${INPUT_VERSION:-}
  if [[ -z $version ]]; then
    version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$action_path/Cargo.toml" | head -1)
    [[ -n $version ]] || install_fail "No version given and none found in $action_path/Cargo.toml."
  fi
  case $version in
    installed)
      bin=$(command -v stanch) || install_fail "version: installed, but there is no stanch on PATH."
      ;;
    source)
      command -v cargo >/dev/null || install_fail "version: source needs cargo (a Rust toolchain) on the runner."
      local root=${STANCH_SOURCE_ROOT:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}/stanch-root}
      log "building stanch from $action_path (version: source)"
      cargo install --locked --quiet --root "$root" --path "$action_path" || install_fail "cargo install from $action_path failed."
      bin=$root/bin/stanch
      ;;
    *)
      command -v curl >/dev/null || install_fail "curl is needed to download stanch."
      os=${RUNNER_OS:-$(runner_os)}
      arch=${RUNNER_ARCH:-$(runner_arch)}
      target=$(release_target "$os" "$arch")
      [[ -n $target ]] || install_fail "There is no stanch release binary for $os $arch (there are for Linux X64 and ARM64, macOS X64 and ARM64, Windows X64); set version: source to build it on this runner."
      base=${STANCH_RELEASES_URL:-https://github.com/stanch-scanner/stanch/releases}
      base=${base%/}
      tmp=$(mktemp -d)
      install_tmp=$tmp
      trap 'rm -rf "$install_tmp"' EXIT
      if [[ $version = latest ]]; then
        command -v jq >/dev/null || install_fail "jq is needed to read the latest release's manifest."
        status=$(download "$base/latest/download/dist-manifest.json" "$tmp/manifest.json")
        [[ $status = 200 ]] || install_fail "Could not find the latest stanch release: $base/latest/download/dist-manifest.json answered HTTP $status $(head -c 300 "$tmp/manifest.json.err")"
        version=$(jq -r '.announcement_tag // empty' "$tmp/manifest.json" 2>/dev/null) || true
        [[ -n $version ]] || install_fail "The latest release's dist-manifest.json names no version (announcement_tag)."
      fi
      version=${version#v}
      [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$ ]] || install_fail "version: $version is not a version (X.Y.Z), latest, source or installed."
      exe=stanch
      ext=.tar.gz
      if [[ $os = Windows ]]; then
        exe=stanch.exe
        ext=.zip
      fi
      cache=${STANCH_CACHE_DIR:-${RUNNER_TOOL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}}/stanch}
      # Windows runners give C:\ paths; Git Bash's tools want /c/ ones.
      if command -v cygpath >/dev/null; then cache=$(cygpath -u "$cache"); fi
      dir=$cache/$version/$target
      bin=$dir/$exe
      if [[ -x $bin ]] && reported=$("$bin" --version 2>/dev/null) && [[ $reported = "stanch $version" ]]; then
        log "stanch $version for $target: from the cache ($dir)"
      else
        local asset=stanch-$target$ext url
        url=$base/download/v$version
        status=$(download "$url/sha256.sum" "$tmp/sha256.sum")
        if [[ $status != 200 ]]; then
          install_fail "There is no stanch release v$version at $base (its sha256.sum answered HTTP $status $(head -c 300 "$tmp/sha256.sum.err")): check the version, or use version: latest, or source."
        fi
        want=$(awk -v a="$asset" '{ n = $2; sub(/^\*/, "", n) } n == a { print $1; exit }' "$tmp/sha256.sum")
        [[ $want =~ ^[0-9a-f]{64}$ ]] || install_fail "stanch v$version's sha256.sum lists no checksum for $asset, so it cannot be verified; not installing it."
        status=$(download "$url/$asset" "$tmp/$asset")
        [[ $status = 200 ]] || install_fail "Could not download $url/$asset: HTTP $status $(head -c 300 "$tmp/$asset.err")"
        got=$(sha256 "$tmp/$asset")
        if [[ $got != "$want" ]]; then
          install_fail "Checksum mismatch for $asset of stanch v$version: its SHA-256 is $got, the release's sha256.sum says $want. The download is corrupt or was tampered with; not installing it."
        fi
        mkdir -p "$tmp/x"
        if [[ $ext = .zip ]]; then
          if command -v unzip >/dev/null; then unzip -q "$tmp/$asset" -d "$tmp/x"; else 7z x -y -o"$tmp/x" "$tmp/$asset" >/dev/null; fi
        else
          tar -xzf "$tmp/$asset" -C "$tmp/x"
        fi
        local found
        found=$(find "$tmp/x" -type f -name "$exe" | head -1)
        [[ -n $found ]] || install_fail "$asset holds no $exe."
        chmod +x "$found"
        reported=$("$found" --version 2>/dev/null) || install_fail "The stanch in $asset does not run on this $os $arch runner."
        [[ $reported = "stanch $version" ]] || install_fail "$asset of release v$version holds \"$reported\", not stanch $version."
        # Into the cache last, whole, so an interrupted install is not reused.
        rm -rf "$dir"
        mkdir -p "$(dirname "$dir")"
        mv "$(dirname "$found")" "$dir"
        log "stanch $version for $target: downloaded $url/$asset, SHA-256 verified"
      fi
      ;;
  esac
  local end=${EPOCHREALTIME/,/.}
  log "installed $("$bin" --version) at $bin (setup $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }') s)"
  if [[ -n ${GITHUB_ENV:-} ]]; then printf 'STANCH_BIN=%s\n' "$bin" >>"$GITHUB_ENV"; fi
  output path "$bin"
  output version "${version#v}"
}

# Shared by both modes.
escape() {
  local s=$1
  s=${s//'%'/%25}
  s=${s//$'\r'/%0D}
  s=${s//$'\n'/%0A}
  printf '%s' "$s"
}
log() { printf 'stanch: %s\n' "$*"; }
output() {
  if [[ -n ${GITHUB_OUTPUT:-} ]]; then
    printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"
  fi
}

if [[ ${1:-} = install ]]; then
  install_stanch
  exit 0
fi

# --- scan --------------------------------------------------------------------
stanch=${STANCH_BIN:-stanch}
repo=${GITHUB_WORKSPACE:-$PWD}
sarif=${INPUT_SARIF:-stanch.sarif}
fail_on_findings=${INPUT_FAIL_ON_FINDINGS:-true}
event=${GITHUB_EVENT_NAME:-}
zero=0000000000000000000000000000000000000000
# Rows of the summary table; the job summary holds at most 1 MiB.
max_rows=500

warn() { printf '::warning title=stanch::%s\n' "$(escape "$*")"; }
summary() {
  if [[ -n ${GITHUB_STEP_SUMMARY:-} ]]; then
    printf '%s\n' "$@" >>"$GITHUB_STEP_SUMMARY"
  fi
}
# Fails the step, saying what was not scanned and why.
fail() {
  printf '::error title=stanch::%s\n' "$(escape "$*")"
  summary "## stanch: not scanned" "" "$*"
  exit 2
}

git_() { git -C "$repo" "$@"; }
short() { printf '%s' "${1:0:12}"; }
have_commit() { git_ cat-file -e "$1^{commit}" 2>/dev/null; }
# Fetches from origin (GitHub serves any commit reachable from a ref by id).
fetch() { git_ fetch --quiet --no-tags "$@" 2>/dev/null; }
# Whether the history that `git rev-list ARGS` walks is complete: in a shallow
# checkout, a boundary commit inside it has parents that are not here.
complete() {
  local shallow list
  shallow=$(git_ rev-parse --git-path shallow)
  [[ $shallow = /* ]] || shallow=$repo/$shallow
  [[ -s $shallow ]] || return 0
  list=$(git_ rev-list "$@" 2>/dev/null) || return 1
  ! grep -qxFf "$shallow" <<<"$list"
}
# Makes the history `git rev-list ARGS` walks complete, deepening a shallow
# checkout; fails naming `what` when it cannot.
need_history() {
  local what=$1
  shift
  complete "$@" && return 0
  log "the checkout is shallow; fetching the history of $what"
  if ! fetch --unshallow origin; then
    fail "The checkout is shallow and the history of $what could not be fetched, so its earlier commits were not scanned. Check out with actions/checkout and fetch-depth: 0."
  fi
  complete "$@" || fail "The checkout is shallow and the history of $what is still incomplete after fetching, so its earlier commits were not scanned. Check out with actions/checkout and fetch-depth: 0."
}

command -v jq >/dev/null || fail "jq is needed to read the event payload and the report; nothing was scanned."
command -v "$stanch" >/dev/null || fail "stanch not found (STANCH_BIN=$stanch); nothing was scanned."
git_ rev-parse --git-dir >/dev/null 2>&1 || fail "$repo is not a git checkout; nothing was scanned."

# A field of the event's payload, or nothing. `check_payload` runs first, so
# that a failure here cannot hide in a command substitution.
payload() { jq -r "$1 // empty" "$GITHUB_EVENT_PATH"; }
check_payload() {
  [[ -n ${GITHUB_EVENT_PATH:-} && -r $GITHUB_EVENT_PATH ]] || fail "The $event event's payload (GITHUB_EVENT_PATH) cannot be read; nothing was scanned."
  jq -e 'type == "object"' "$GITHUB_EVENT_PATH" >/dev/null 2>&1 || fail "The $event event's payload ($GITHUB_EVENT_PATH) is not a JSON object; nothing was scanned."
}

# What to scan: `range` (base..head), `history` (all of head's history) or `all`.
mode=all
base=
head=
case $event in
  pull_request | pull_request_target)
    check_payload
    base=$(payload .pull_request.base.sha)
    head=$(payload .pull_request.head.sha)
    mode=range
    ;;
  merge_group)
    check_payload
    base=$(payload .merge_group.base_sha)
    head=$(payload .merge_group.head_sha)
    mode=range
    ;;
  push)
    check_payload
    base=$(payload .before)
    head=$(payload .after)
    [[ -n $head ]] || fail "The push event's payload has no \"after\" commit; nothing was scanned."
    if [[ $head = "$zero" ]]; then
      log "the push deleted ${GITHUB_REF:-a ref}: there are no commits to scan"
      summary "## stanch: nothing to scan" "" "The push deleted ${GITHUB_REF:-a ref}; it added no commits."
      output findings 0
      exit 0
    fi
    if [[ -z $base || $base = "$zero" ]]; then
      log "a new branch: scanning all the history of $(short "$head")"
      mode=history
    else
      mode=range
    fi
    ;;
esac

if [[ $mode = range ]]; then
  [[ -n $base && -n $head ]] || fail "The $event event's payload has no base and head commits; nothing was scanned."
  if [[ $base = "$head" ]]; then
    fail "The base and head of the $event are the same commit ($(short "$head")): the range is empty, so nothing was scanned."
  fi
  if ! have_commit "$head"; then
    fetch origin "$head" || true
    have_commit "$head" || fail "The head commit $(short "$head") is not in the checkout and could not be fetched; nothing was scanned."
  fi
  if ! have_commit "$base"; then
    fetch origin "$base" || true
  fi
  if ! have_commit "$base"; then
    if [[ $event = push ]]; then
      # A force-push: `before` was rewritten away and is no longer served.
      warn "The commit before the push ($(short "$base")) no longer exists (a force-push?); scanning all the history of $(short "$head") instead."
      mode=history
    else
      fail "The base commit $(short "$base") is not in the checkout and could not be fetched, so the commits $(short "$base")..$(short "$head") were not scanned. Check out with actions/checkout and fetch-depth: 0."
    fi
  fi
fi

args=(history "$repo")
scratch=$(mktemp -d)
# shellcheck disable=SC2329 # invoked by the trap below
cleanup() {
  rm -rf "$scratch"
  if [[ -n ${temp_ref:-} ]]; then git_ update-ref -d "$temp_ref" 2>/dev/null || true; fi
}
trap cleanup EXIT
case $mode in
  range)
    need_history "$(short "$base")..$(short "$head")" "$base..$head"
    args+=(--range "$base..$head")
    what="the commits $(short "$base")..$(short "$head")"
    ;;
  history)
    need_history "$(short "$head")" "$head"
    if [[ $(git_ rev-parse HEAD 2>/dev/null) != "$head" ]]; then
      # `--branch` takes a ref: name the commit with a temporary one.
      temp_ref=refs/stanch-action/head
      git_ update-ref "$temp_ref" "$head"
      args+=(--branch "$temp_ref")
    fi
    what="all the history of $(short "$head")"
    ;;
  all)
    need_history "every ref" --all
    args+=(--all)
    what="every commit of every ref"
    ;;
esac

if [[ -n ${INPUT_CONFIG:-} ]]; then args+=(--config "$INPUT_CONFIG"); fi
if [[ -n ${INPUT_BASELINE:-} ]]; then args+=(--baseline "$INPUT_BASELINE"); fi
extra=()
if [[ -n ${INPUT_ARGS:-} ]]; then read -r -a extra <<<"$INPUT_ARGS"; fi
report=$scratch/report.json
mkdir -p "$(dirname "$sarif")"

log "scanning $what"
status=0
"$stanch" "${args[@]}" --format github --report "sarif=$sarif" --report "json=$report" "${extra[@]}" || status=$?
if [[ ! -s $report ]]; then
  fail "stanch exited with status $status before writing its report, so nothing was scanned ($what)."
fi
if [[ -s $sarif ]]; then output sarif "$sarif"; fi

findings=$(jq '.findings | length' "$report")
commits=$(jq '.summary.commits // 0' "$report")
blobs=$(jq '.summary.stats.scanned // 0' "$report")
bytes=$(jq '.summary.stats.bytes // 0' "$report")
output findings "$findings"
log "scanned $commits commits ($blobs blobs, $bytes bytes): $what"

if [[ $findings -eq 0 ]]; then
  summary "## stanch: no secrets found" "" "Scanned $commits commits ($blobs blobs, $bytes bytes): $what."
else
  summary "## stanch: $findings secret$([[ $findings -eq 1 ]] || printf s) found" "" \
    "Scanned $commits commits ($blobs blobs, $bytes bytes): $what." "" \
    "| Rule | File | Line | Commit | Secret |" "| --- | --- | --- | --- | --- |"
  # Cells: pipes escaped, backticks (which would end a code span) replaced.
  summary "$(jq -r --argjson max "$max_rows" '
    def cell: tostring | gsub("\\|"; "\\|") | gsub("`"; "\u2032") | gsub("[\r\n]"; " ");
    .findings[:$max][]
    | "| `\(.rule_id | cell)` | `\(.path | cell)` | \(if .line > 0 then .line else "" end) | "
      + (if .commit then "`\(.commit.id[:12])`" else "" end)
      + " | `\(.secret_redacted | cell)` |"' "$report")"
  if [[ $findings -gt $max_rows ]]; then
    summary "" "… and $((findings - max_rows)) more: see the SARIF log or code scanning."
  fi
fi
if jq -e '.summary.warnings | length > 0' "$report" >/dev/null; then
  summary "" "$(jq -r '.summary.warnings[] | "- warning: \(.)"' "$report")"
fi

if [[ $status -ge 2 ]]; then
  fail "stanch reported errors (exit status $status; see the log above), so parts of $what may not have been scanned."
fi
if [[ $findings -gt 0 ]]; then
  if [[ $fail_on_findings = true ]]; then
    printf '::error title=stanch::%s\n' "$(escape "$findings secret(s) found in $what. Revoke them, then remove them or record them in the baseline.")"
    exit 1
  fi
  log "$findings secret(s) found; not failing because fail-on-findings is $fail_on_findings"
fi
exit 0
