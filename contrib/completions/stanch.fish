# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_stanch_global_optspecs
    string join \n h/help V/version
end

function __fish_stanch_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_stanch_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_stanch_using_subcommand
    set -l cmd (__fish_stanch_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c stanch -n "__fish_stanch_needs_command" -s h -l help -d 'Print help'
complete -c stanch -n "__fish_stanch_needs_command" -s V -l version -d 'Print version'
complete -c stanch -n "__fish_stanch_needs_command" -f -a "scan" -d 'Scan files and directories (`-` for stdin)'
complete -c stanch -n "__fish_stanch_needs_command" -f -a "audit" -d 'Check a repository against the secret-handling practices (ignored .env files, no secrets in logs, errors, defaults, CI or containers…), then scan it for secrets'
complete -c stanch -n "__fish_stanch_needs_command" -f -a "staged" -d 'Scan what the next commit adds (the index against HEAD): the pre-commit check'
complete -c stanch -n "__fish_stanch_needs_command" -f -a "history" -d 'Scan git history: every blob each commit introduced, each distinct blob once'
complete -c stanch -n "__fish_stanch_needs_command" -f -a "baseline" -d 'Record known findings so that later scans report only new ones'
complete -c stanch -n "__fish_stanch_needs_command" -f -a "rules" -d 'List the rules, or check rule files'
complete -c stanch -n "__fish_stanch_needs_command" -f -a "install-hook" -d 'Write a plain .git/hooks/pre-commit that runs `stanch staged`'
complete -c stanch -n "__fish_stanch_needs_command" -f -a "completions" -d 'Print a shell completion script, e.g. `stanch completions bash > /etc/bash_completion.d/stanch`'
complete -c stanch -n "__fish_stanch_needs_command" -f -a "man" -d 'Print the man page (roff), e.g. `stanch man > stanch.1`; `--dir` writes a page per command'
complete -c stanch -n "__fish_stanch_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c stanch -n "__fish_stanch_using_subcommand scan" -s e -l exclude -d 'Do not read files matching this glob (gitignore syntax; repeatable)' -r
complete -c stanch -n "__fish_stanch_using_subcommand scan" -l stdin-name -d 'The path to report for stdin' -r
complete -c stanch -n "__fish_stanch_using_subcommand scan" -s f -l format -d 'Output format' -r -f -a "text\t'For people: redacted, coloured on a terminal, with a summary'
json\t'Versioned JSON document (schema version 1)'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
junit\t'JUnit XML: one failing test case per finding, for CI test reports'
github\t'GitHub Actions workflow commands: annotations on the pull request\'s diff'"
complete -c stanch -n "__fish_stanch_using_subcommand scan" -s o -l output -d 'Write the report to this file instead of stdout' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand scan" -l report -d 'Also write the report as FORMAT to FILE, from the same scan (repeatable), e.g. `--report sarif=stanch.sarif`' -r
complete -c stanch -n "__fish_stanch_using_subcommand scan" -l min-confidence -d 'Report only findings at least this confident (0 to 1) [default: 0.3]' -r
complete -c stanch -n "__fish_stanch_using_subcommand scan" -l max-file-size -d 'Skip files larger than this many bytes (K, M and G suffixes allowed) [default: 25M]' -r
complete -c stanch -n "__fish_stanch_using_subcommand scan" -l archive-depth -d 'Expand archives nested this many levels deep (a jar in a war in a tar.gz is 3; 0: none) [default: 3]' -r
complete -c stanch -n "__fish_stanch_using_subcommand scan" -l max-archive-size -d 'Stop expanding an archive after this many decompressed bytes, nested archives included (K, M and G suffixes allowed) [default: 256M]' -r
complete -c stanch -n "__fish_stanch_using_subcommand scan" -l decode-depth -d 'Undo this many levels of encodings (base64, hex, percent-encoding, string escapes, HTML entities) to look for secrets inside; 0 turns decoding off' -r
complete -c stanch -n "__fish_stanch_using_subcommand scan" -s j -l threads -d 'Worker threads (default: one per core)' -r
complete -c stanch -n "__fish_stanch_using_subcommand scan" -l color -d 'Colour' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c stanch -n "__fish_stanch_using_subcommand scan" -l config -d 'Use this config file instead of the discovered .stanch.toml' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand scan" -l baseline -d 'Report only findings that are not in this baseline file' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand scan" -l no-ignore -d 'Also scan files that .gitignore and .ignore exclude'
complete -c stanch -n "__fish_stanch_using_subcommand scan" -s L -l follow -d 'Follow symbolic links, never out of the scanned paths (loops and dangling links are skipped)'
complete -c stanch -n "__fish_stanch_using_subcommand scan" -l show-secrets -d 'Print secrets in full (never do this in CI logs)'
complete -c stanch -n "__fish_stanch_using_subcommand scan" -l no-archives -d 'Do not look inside archives and compressed files (zip, jar, tar.gz, …): skip them as binary'
complete -c stanch -n "__fish_stanch_using_subcommand scan" -l no-inline-allow -d 'Ignore inline allow comments (for audits)'
complete -c stanch -n "__fish_stanch_using_subcommand scan" -l no-config -d 'Ignore .stanch.toml'
complete -c stanch -n "__fish_stanch_using_subcommand scan" -l report-unused -d 'List baseline and allowlist entries that matched nothing (the exit status is unchanged)'
complete -c stanch -n "__fish_stanch_using_subcommand scan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c stanch -n "__fish_stanch_using_subcommand scan" -s V -l version -d 'Print version'
complete -c stanch -n "__fish_stanch_using_subcommand audit" -l fail-on -d 'Which findings fail the run (exit 1): secrets, failed practice items, or both' -r -f -a "secrets\t'Secrets only'
practices\t'Failed practice items only'
all\t'Either'"
complete -c stanch -n "__fish_stanch_using_subcommand audit" -s e -l exclude -d 'Do not read files matching this glob (gitignore syntax; repeatable)' -r
complete -c stanch -n "__fish_stanch_using_subcommand audit" -s f -l format -d 'Output format' -r -f -a "text\t'For people: redacted, coloured on a terminal, with a summary'
json\t'Versioned JSON document (schema version 1)'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
junit\t'JUnit XML: one failing test case per finding, for CI test reports'
github\t'GitHub Actions workflow commands: annotations on the pull request\'s diff'"
complete -c stanch -n "__fish_stanch_using_subcommand audit" -s o -l output -d 'Write the report to this file instead of stdout' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand audit" -l report -d 'Also write the report as FORMAT to FILE, from the same scan (repeatable), e.g. `--report sarif=stanch.sarif`' -r
complete -c stanch -n "__fish_stanch_using_subcommand audit" -l min-confidence -d 'Report only findings at least this confident (0 to 1) [default: 0.3]' -r
complete -c stanch -n "__fish_stanch_using_subcommand audit" -l max-file-size -d 'Skip files larger than this many bytes (K, M and G suffixes allowed) [default: 25M]' -r
complete -c stanch -n "__fish_stanch_using_subcommand audit" -l archive-depth -d 'Expand archives nested this many levels deep (a jar in a war in a tar.gz is 3; 0: none) [default: 3]' -r
complete -c stanch -n "__fish_stanch_using_subcommand audit" -l max-archive-size -d 'Stop expanding an archive after this many decompressed bytes, nested archives included (K, M and G suffixes allowed) [default: 256M]' -r
complete -c stanch -n "__fish_stanch_using_subcommand audit" -l decode-depth -d 'Undo this many levels of encodings (base64, hex, percent-encoding, string escapes, HTML entities) to look for secrets inside; 0 turns decoding off' -r
complete -c stanch -n "__fish_stanch_using_subcommand audit" -s j -l threads -d 'Worker threads (default: one per core)' -r
complete -c stanch -n "__fish_stanch_using_subcommand audit" -l color -d 'Colour' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c stanch -n "__fish_stanch_using_subcommand audit" -l config -d 'Use this config file instead of the discovered .stanch.toml' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand audit" -l baseline -d 'Report only findings that are not in this baseline file' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand audit" -l show-secrets -d 'Print secrets in full (never do this in CI logs)'
complete -c stanch -n "__fish_stanch_using_subcommand audit" -l no-archives -d 'Do not look inside archives and compressed files (zip, jar, tar.gz, …): skip them as binary'
complete -c stanch -n "__fish_stanch_using_subcommand audit" -l no-inline-allow -d 'Ignore inline allow comments (for audits)'
complete -c stanch -n "__fish_stanch_using_subcommand audit" -l no-config -d 'Ignore .stanch.toml'
complete -c stanch -n "__fish_stanch_using_subcommand audit" -l report-unused -d 'List baseline and allowlist entries that matched nothing (the exit status is unchanged)'
complete -c stanch -n "__fish_stanch_using_subcommand audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c stanch -n "__fish_stanch_using_subcommand audit" -s V -l version -d 'Print version'
complete -c stanch -n "__fish_stanch_using_subcommand staged" -l repo -d 'The repository (default: the one containing the current directory)' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand staged" -s f -l format -d 'Output format' -r -f -a "text\t'For people: redacted, coloured on a terminal, with a summary'
json\t'Versioned JSON document (schema version 1)'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
junit\t'JUnit XML: one failing test case per finding, for CI test reports'
github\t'GitHub Actions workflow commands: annotations on the pull request\'s diff'"
complete -c stanch -n "__fish_stanch_using_subcommand staged" -s o -l output -d 'Write the report to this file instead of stdout' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand staged" -l report -d 'Also write the report as FORMAT to FILE, from the same scan (repeatable), e.g. `--report sarif=stanch.sarif`' -r
complete -c stanch -n "__fish_stanch_using_subcommand staged" -l min-confidence -d 'Report only findings at least this confident (0 to 1) [default: 0.3]' -r
complete -c stanch -n "__fish_stanch_using_subcommand staged" -l max-file-size -d 'Skip files larger than this many bytes (K, M and G suffixes allowed) [default: 25M]' -r
complete -c stanch -n "__fish_stanch_using_subcommand staged" -l archive-depth -d 'Expand archives nested this many levels deep (a jar in a war in a tar.gz is 3; 0: none) [default: 3]' -r
complete -c stanch -n "__fish_stanch_using_subcommand staged" -l max-archive-size -d 'Stop expanding an archive after this many decompressed bytes, nested archives included (K, M and G suffixes allowed) [default: 256M]' -r
complete -c stanch -n "__fish_stanch_using_subcommand staged" -l decode-depth -d 'Undo this many levels of encodings (base64, hex, percent-encoding, string escapes, HTML entities) to look for secrets inside; 0 turns decoding off' -r
complete -c stanch -n "__fish_stanch_using_subcommand staged" -s j -l threads -d 'Worker threads (default: one per core)' -r
complete -c stanch -n "__fish_stanch_using_subcommand staged" -l color -d 'Colour' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c stanch -n "__fish_stanch_using_subcommand staged" -l config -d 'Use this config file instead of the discovered .stanch.toml' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand staged" -l baseline -d 'Report only findings that are not in this baseline file' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand staged" -l show-secrets -d 'Print secrets in full (never do this in CI logs)'
complete -c stanch -n "__fish_stanch_using_subcommand staged" -l no-archives -d 'Do not look inside archives and compressed files (zip, jar, tar.gz, …): skip them as binary'
complete -c stanch -n "__fish_stanch_using_subcommand staged" -l no-inline-allow -d 'Ignore inline allow comments (for audits)'
complete -c stanch -n "__fish_stanch_using_subcommand staged" -l no-config -d 'Ignore .stanch.toml'
complete -c stanch -n "__fish_stanch_using_subcommand staged" -l report-unused -d 'List baseline and allowlist entries that matched nothing (the exit status is unchanged)'
complete -c stanch -n "__fish_stanch_using_subcommand staged" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c stanch -n "__fish_stanch_using_subcommand staged" -s V -l version -d 'Print version'
complete -c stanch -n "__fish_stanch_using_subcommand history" -l range -d 'Only the commits of a range: `A..B` (in B, not in A) or `A...B` (in either, not in both)' -r
complete -c stanch -n "__fish_stanch_using_subcommand history" -l since -d 'Only commits committed on or after this date (YYYY-MM-DD, RFC 3339, or @SECONDS)' -r
complete -c stanch -n "__fish_stanch_using_subcommand history" -l until -d 'Only commits committed on or before this date' -r
complete -c stanch -n "__fish_stanch_using_subcommand history" -l branch -d 'The history of this branch (or any ref) instead of HEAD' -r
complete -c stanch -n "__fish_stanch_using_subcommand history" -s f -l format -d 'Output format' -r -f -a "text\t'For people: redacted, coloured on a terminal, with a summary'
json\t'Versioned JSON document (schema version 1)'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
junit\t'JUnit XML: one failing test case per finding, for CI test reports'
github\t'GitHub Actions workflow commands: annotations on the pull request\'s diff'"
complete -c stanch -n "__fish_stanch_using_subcommand history" -s o -l output -d 'Write the report to this file instead of stdout' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand history" -l report -d 'Also write the report as FORMAT to FILE, from the same scan (repeatable), e.g. `--report sarif=stanch.sarif`' -r
complete -c stanch -n "__fish_stanch_using_subcommand history" -l min-confidence -d 'Report only findings at least this confident (0 to 1) [default: 0.3]' -r
complete -c stanch -n "__fish_stanch_using_subcommand history" -l max-file-size -d 'Skip files larger than this many bytes (K, M and G suffixes allowed) [default: 25M]' -r
complete -c stanch -n "__fish_stanch_using_subcommand history" -l archive-depth -d 'Expand archives nested this many levels deep (a jar in a war in a tar.gz is 3; 0: none) [default: 3]' -r
complete -c stanch -n "__fish_stanch_using_subcommand history" -l max-archive-size -d 'Stop expanding an archive after this many decompressed bytes, nested archives included (K, M and G suffixes allowed) [default: 256M]' -r
complete -c stanch -n "__fish_stanch_using_subcommand history" -l decode-depth -d 'Undo this many levels of encodings (base64, hex, percent-encoding, string escapes, HTML entities) to look for secrets inside; 0 turns decoding off' -r
complete -c stanch -n "__fish_stanch_using_subcommand history" -s j -l threads -d 'Worker threads (default: one per core)' -r
complete -c stanch -n "__fish_stanch_using_subcommand history" -l color -d 'Colour' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c stanch -n "__fish_stanch_using_subcommand history" -l config -d 'Use this config file instead of the discovered .stanch.toml' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand history" -l baseline -d 'Report only findings that are not in this baseline file' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand history" -l all -d 'Every commit reachable from any ref (branches, tags, remotes, stash), not just HEAD'
complete -c stanch -n "__fish_stanch_using_subcommand history" -l show-secrets -d 'Print secrets in full (never do this in CI logs)'
complete -c stanch -n "__fish_stanch_using_subcommand history" -l no-archives -d 'Do not look inside archives and compressed files (zip, jar, tar.gz, …): skip them as binary'
complete -c stanch -n "__fish_stanch_using_subcommand history" -l no-inline-allow -d 'Ignore inline allow comments (for audits)'
complete -c stanch -n "__fish_stanch_using_subcommand history" -l no-config -d 'Ignore .stanch.toml'
complete -c stanch -n "__fish_stanch_using_subcommand history" -l report-unused -d 'List baseline and allowlist entries that matched nothing (the exit status is unchanged)'
complete -c stanch -n "__fish_stanch_using_subcommand history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c stanch -n "__fish_stanch_using_subcommand history" -s V -l version -d 'Print version'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and not __fish_seen_subcommand_from create update audit import help" -s h -l help -d 'Print help'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and not __fish_seen_subcommand_from create update audit import help" -s V -l version -d 'Print version'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and not __fish_seen_subcommand_from create update audit import help" -f -a "create" -d 'Scan and record every current finding in a new baseline'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and not __fish_seen_subcommand_from create update audit import help" -f -a "update" -d 'Scan again: add new findings, drop entries that match nothing, keep audit states'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and not __fish_seen_subcommand_from create update audit import help" -f -a "audit" -d 'List entries with their audit state, or set states'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and not __fish_seen_subcommand_from create update audit import help" -f -a "import" -d 'Convert another tool\'s baseline (merged into an existing one)'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and not __fish_seen_subcommand_from create update audit import help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from create" -s e -l exclude -d 'Do not read files matching this glob (gitignore syntax; repeatable)' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from create" -l stdin-name -d 'The path to report for stdin' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from create" -s f -l format -d 'Output format' -r -f -a "text\t'For people: redacted, coloured on a terminal, with a summary'
json\t'Versioned JSON document (schema version 1)'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
junit\t'JUnit XML: one failing test case per finding, for CI test reports'
github\t'GitHub Actions workflow commands: annotations on the pull request\'s diff'"
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from create" -l report -d 'Also write the report as FORMAT to FILE, from the same scan (repeatable), e.g. `--report sarif=stanch.sarif`' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from create" -l min-confidence -d 'Report only findings at least this confident (0 to 1) [default: 0.3]' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from create" -l max-file-size -d 'Skip files larger than this many bytes (K, M and G suffixes allowed) [default: 25M]' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from create" -l archive-depth -d 'Expand archives nested this many levels deep (a jar in a war in a tar.gz is 3; 0: none) [default: 3]' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from create" -l max-archive-size -d 'Stop expanding an archive after this many decompressed bytes, nested archives included (K, M and G suffixes allowed) [default: 256M]' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from create" -l decode-depth -d 'Undo this many levels of encodings (base64, hex, percent-encoding, string escapes, HTML entities) to look for secrets inside; 0 turns decoding off' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from create" -s j -l threads -d 'Worker threads (default: one per core)' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from create" -l color -d 'Colour' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from create" -l config -d 'Use this config file instead of the discovered .stanch.toml' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from create" -l baseline -d 'Report only findings that are not in this baseline file' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from create" -s o -l output -d 'The baseline file to write [default: `baseline` in .stanch.toml, else .stanch-baseline.json]' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from create" -l no-ignore -d 'Also scan files that .gitignore and .ignore exclude'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from create" -s L -l follow -d 'Follow symbolic links, never out of the scanned paths (loops and dangling links are skipped)'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from create" -l show-secrets -d 'Print secrets in full (never do this in CI logs)'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from create" -l no-archives -d 'Do not look inside archives and compressed files (zip, jar, tar.gz, …): skip them as binary'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from create" -l no-inline-allow -d 'Ignore inline allow comments (for audits)'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from create" -l no-config -d 'Ignore .stanch.toml'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from create" -l report-unused -d 'List baseline and allowlist entries that matched nothing (the exit status is unchanged)'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from update" -s e -l exclude -d 'Do not read files matching this glob (gitignore syntax; repeatable)' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from update" -l stdin-name -d 'The path to report for stdin' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from update" -s f -l format -d 'Output format' -r -f -a "text\t'For people: redacted, coloured on a terminal, with a summary'
json\t'Versioned JSON document (schema version 1)'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
junit\t'JUnit XML: one failing test case per finding, for CI test reports'
github\t'GitHub Actions workflow commands: annotations on the pull request\'s diff'"
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from update" -l report -d 'Also write the report as FORMAT to FILE, from the same scan (repeatable), e.g. `--report sarif=stanch.sarif`' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from update" -l min-confidence -d 'Report only findings at least this confident (0 to 1) [default: 0.3]' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from update" -l max-file-size -d 'Skip files larger than this many bytes (K, M and G suffixes allowed) [default: 25M]' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from update" -l archive-depth -d 'Expand archives nested this many levels deep (a jar in a war in a tar.gz is 3; 0: none) [default: 3]' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from update" -l max-archive-size -d 'Stop expanding an archive after this many decompressed bytes, nested archives included (K, M and G suffixes allowed) [default: 256M]' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from update" -l decode-depth -d 'Undo this many levels of encodings (base64, hex, percent-encoding, string escapes, HTML entities) to look for secrets inside; 0 turns decoding off' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from update" -s j -l threads -d 'Worker threads (default: one per core)' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from update" -l color -d 'Colour' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from update" -l config -d 'Use this config file instead of the discovered .stanch.toml' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from update" -l baseline -d 'Report only findings that are not in this baseline file' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from update" -s o -l output -d 'Where to write the updated baseline [default: the baseline read]' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from update" -l no-ignore -d 'Also scan files that .gitignore and .ignore exclude'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from update" -s L -l follow -d 'Follow symbolic links, never out of the scanned paths (loops and dangling links are skipped)'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from update" -l show-secrets -d 'Print secrets in full (never do this in CI logs)'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from update" -l no-archives -d 'Do not look inside archives and compressed files (zip, jar, tar.gz, …): skip them as binary'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from update" -l no-inline-allow -d 'Ignore inline allow comments (for audits)'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from update" -l no-config -d 'Ignore .stanch.toml'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from update" -l report-unused -d 'List baseline and allowlist entries that matched nothing (the exit status is unchanged)'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from audit" -l set -d 'Set an entry\'s state: FINGERPRINT=unaudited|false-positive|accepted-risk|revoked (repeatable; a prefix of 8+ digits will do)' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from audit" -l root -d 'Where scanned paths are relative to (to show the redacted lines)' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from audit" -s f -l format -d 'Output format' -r -f -a "text\t'For people: redacted, coloured on a terminal, with a summary'
json\t'Versioned JSON document (schema version 1)'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
junit\t'JUnit XML: one failing test case per finding, for CI test reports'
github\t'GitHub Actions workflow commands: annotations on the pull request\'s diff'"
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from audit" -s o -l output -d 'Write the report to this file instead of stdout' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from audit" -l report -d 'Also write the report as FORMAT to FILE, from the same scan (repeatable), e.g. `--report sarif=stanch.sarif`' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from audit" -l min-confidence -d 'Report only findings at least this confident (0 to 1) [default: 0.3]' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from audit" -l max-file-size -d 'Skip files larger than this many bytes (K, M and G suffixes allowed) [default: 25M]' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from audit" -l archive-depth -d 'Expand archives nested this many levels deep (a jar in a war in a tar.gz is 3; 0: none) [default: 3]' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from audit" -l max-archive-size -d 'Stop expanding an archive after this many decompressed bytes, nested archives included (K, M and G suffixes allowed) [default: 256M]' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from audit" -l decode-depth -d 'Undo this many levels of encodings (base64, hex, percent-encoding, string escapes, HTML entities) to look for secrets inside; 0 turns decoding off' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from audit" -s j -l threads -d 'Worker threads (default: one per core)' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from audit" -l color -d 'Colour' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from audit" -l config -d 'Use this config file instead of the discovered .stanch.toml' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from audit" -l baseline -d 'Report only findings that are not in this baseline file' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from audit" -l list -d 'List, even on a terminal (no interactive stepping); `-f json` lists as JSON'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from audit" -l show-secrets -d 'Print secrets in full (never do this in CI logs)'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from audit" -l no-archives -d 'Do not look inside archives and compressed files (zip, jar, tar.gz, …): skip them as binary'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from audit" -l no-inline-allow -d 'Ignore inline allow comments (for audits)'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from audit" -l no-config -d 'Ignore .stanch.toml'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from audit" -l report-unused -d 'List baseline and allowlist entries that matched nothing (the exit status is unchanged)'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from audit" -s V -l version -d 'Print version'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from import" -l from -d 'The other tool\'s format' -r -f -a "detect-secrets\t'A detect-secrets `.secrets.baseline` (SHA-1 hashes of secrets)'
gitleaks\t'A gitleaks `.gitleaksignore` (`commit:path:rule:line` fingerprints)'"
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from import" -l root -d 'The repository the fingerprints refer to (gitleaks: its files are read to hash the secrets)' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from import" -s f -l format -d 'Output format' -r -f -a "text\t'For people: redacted, coloured on a terminal, with a summary'
json\t'Versioned JSON document (schema version 1)'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
junit\t'JUnit XML: one failing test case per finding, for CI test reports'
github\t'GitHub Actions workflow commands: annotations on the pull request\'s diff'"
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from import" -l report -d 'Also write the report as FORMAT to FILE, from the same scan (repeatable), e.g. `--report sarif=stanch.sarif`' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from import" -l min-confidence -d 'Report only findings at least this confident (0 to 1) [default: 0.3]' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from import" -l max-file-size -d 'Skip files larger than this many bytes (K, M and G suffixes allowed) [default: 25M]' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from import" -l archive-depth -d 'Expand archives nested this many levels deep (a jar in a war in a tar.gz is 3; 0: none) [default: 3]' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from import" -l max-archive-size -d 'Stop expanding an archive after this many decompressed bytes, nested archives included (K, M and G suffixes allowed) [default: 256M]' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from import" -l decode-depth -d 'Undo this many levels of encodings (base64, hex, percent-encoding, string escapes, HTML entities) to look for secrets inside; 0 turns decoding off' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from import" -s j -l threads -d 'Worker threads (default: one per core)' -r
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from import" -l color -d 'Colour' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from import" -l config -d 'Use this config file instead of the discovered .stanch.toml' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from import" -l baseline -d 'Report only findings that are not in this baseline file' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from import" -s o -l output -d 'The baseline file to write [default: `baseline` in .stanch.toml, else .stanch-baseline.json]' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from import" -l show-secrets -d 'Print secrets in full (never do this in CI logs)'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from import" -l no-archives -d 'Do not look inside archives and compressed files (zip, jar, tar.gz, …): skip them as binary'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from import" -l no-inline-allow -d 'Ignore inline allow comments (for audits)'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from import" -l no-config -d 'Ignore .stanch.toml'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from import" -l report-unused -d 'List baseline and allowlist entries that matched nothing (the exit status is unchanged)'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from help" -f -a "create" -d 'Scan and record every current finding in a new baseline'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from help" -f -a "update" -d 'Scan again: add new findings, drop entries that match nothing, keep audit states'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from help" -f -a "audit" -d 'List entries with their audit state, or set states'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from help" -f -a "import" -d 'Convert another tool\'s baseline (merged into an existing one)'
complete -c stanch -n "__fish_stanch_using_subcommand baseline; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c stanch -n "__fish_stanch_using_subcommand rules; and not __fish_seen_subcommand_from check help" -s f -l format -d 'Listing format' -r -f -a "text\t'A table'
json\t'JSON'"
complete -c stanch -n "__fish_stanch_using_subcommand rules; and not __fish_seen_subcommand_from check help" -l config -d 'List the rules as this config file sets them (default: `.stanch.toml` here)' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand rules; and not __fish_seen_subcommand_from check help" -l no-config -d 'List only the built-in rules'
complete -c stanch -n "__fish_stanch_using_subcommand rules; and not __fish_seen_subcommand_from check help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c stanch -n "__fish_stanch_using_subcommand rules; and not __fish_seen_subcommand_from check help" -s V -l version -d 'Print version'
complete -c stanch -n "__fish_stanch_using_subcommand rules; and not __fish_seen_subcommand_from check help" -f -a "check" -d 'Validate rule files as the test suite does (examples, negatives, regexes, keywords)'
complete -c stanch -n "__fish_stanch_using_subcommand rules; and not __fish_seen_subcommand_from check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c stanch -n "__fish_stanch_using_subcommand rules; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c stanch -n "__fish_stanch_using_subcommand rules; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c stanch -n "__fish_stanch_using_subcommand rules; and __fish_seen_subcommand_from help" -f -a "check" -d 'Validate rule files as the test suite does (examples, negatives, regexes, keywords)'
complete -c stanch -n "__fish_stanch_using_subcommand rules; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c stanch -n "__fish_stanch_using_subcommand install-hook" -l repo -d 'The repository (default: the one containing the current directory)' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand install-hook" -l force -d 'Replace an existing pre-commit hook that stanch did not write'
complete -c stanch -n "__fish_stanch_using_subcommand install-hook" -s h -l help -d 'Print help'
complete -c stanch -n "__fish_stanch_using_subcommand install-hook" -s V -l version -d 'Print version'
complete -c stanch -n "__fish_stanch_using_subcommand completions" -s h -l help -d 'Print help'
complete -c stanch -n "__fish_stanch_using_subcommand completions" -s V -l version -d 'Print version'
complete -c stanch -n "__fish_stanch_using_subcommand man" -l dir -d 'Write stanch.1 and a page for each subcommand (stanch-scan.1, …) into this directory instead' -r -F
complete -c stanch -n "__fish_stanch_using_subcommand man" -s h -l help -d 'Print help'
complete -c stanch -n "__fish_stanch_using_subcommand man" -s V -l version -d 'Print version'
complete -c stanch -n "__fish_stanch_using_subcommand help; and not __fish_seen_subcommand_from scan audit staged history baseline rules install-hook completions man help" -f -a "scan" -d 'Scan files and directories (`-` for stdin)'
complete -c stanch -n "__fish_stanch_using_subcommand help; and not __fish_seen_subcommand_from scan audit staged history baseline rules install-hook completions man help" -f -a "audit" -d 'Check a repository against the secret-handling practices (ignored .env files, no secrets in logs, errors, defaults, CI or containers…), then scan it for secrets'
complete -c stanch -n "__fish_stanch_using_subcommand help; and not __fish_seen_subcommand_from scan audit staged history baseline rules install-hook completions man help" -f -a "staged" -d 'Scan what the next commit adds (the index against HEAD): the pre-commit check'
complete -c stanch -n "__fish_stanch_using_subcommand help; and not __fish_seen_subcommand_from scan audit staged history baseline rules install-hook completions man help" -f -a "history" -d 'Scan git history: every blob each commit introduced, each distinct blob once'
complete -c stanch -n "__fish_stanch_using_subcommand help; and not __fish_seen_subcommand_from scan audit staged history baseline rules install-hook completions man help" -f -a "baseline" -d 'Record known findings so that later scans report only new ones'
complete -c stanch -n "__fish_stanch_using_subcommand help; and not __fish_seen_subcommand_from scan audit staged history baseline rules install-hook completions man help" -f -a "rules" -d 'List the rules, or check rule files'
complete -c stanch -n "__fish_stanch_using_subcommand help; and not __fish_seen_subcommand_from scan audit staged history baseline rules install-hook completions man help" -f -a "install-hook" -d 'Write a plain .git/hooks/pre-commit that runs `stanch staged`'
complete -c stanch -n "__fish_stanch_using_subcommand help; and not __fish_seen_subcommand_from scan audit staged history baseline rules install-hook completions man help" -f -a "completions" -d 'Print a shell completion script, e.g. `stanch completions bash > /etc/bash_completion.d/stanch`'
complete -c stanch -n "__fish_stanch_using_subcommand help; and not __fish_seen_subcommand_from scan audit staged history baseline rules install-hook completions man help" -f -a "man" -d 'Print the man page (roff), e.g. `stanch man > stanch.1`; `--dir` writes a page per command'
complete -c stanch -n "__fish_stanch_using_subcommand help; and not __fish_seen_subcommand_from scan audit staged history baseline rules install-hook completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c stanch -n "__fish_stanch_using_subcommand help; and __fish_seen_subcommand_from baseline" -f -a "create" -d 'Scan and record every current finding in a new baseline'
complete -c stanch -n "__fish_stanch_using_subcommand help; and __fish_seen_subcommand_from baseline" -f -a "update" -d 'Scan again: add new findings, drop entries that match nothing, keep audit states'
complete -c stanch -n "__fish_stanch_using_subcommand help; and __fish_seen_subcommand_from baseline" -f -a "audit" -d 'List entries with their audit state, or set states'
complete -c stanch -n "__fish_stanch_using_subcommand help; and __fish_seen_subcommand_from baseline" -f -a "import" -d 'Convert another tool\'s baseline (merged into an existing one)'
complete -c stanch -n "__fish_stanch_using_subcommand help; and __fish_seen_subcommand_from rules" -f -a "check" -d 'Validate rule files as the test suite does (examples, negatives, regexes, keywords)'
