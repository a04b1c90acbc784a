
use builtin;
use str;

set edit:completion:arg-completer[stanch] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'stanch'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'stanch'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand scan 'Scan files and directories (`-` for stdin)'
            cand audit 'Check a repository against the secret-handling practices (ignored .env files, no secrets in logs, errors, defaults, CI or containers…), then scan it for secrets'
            cand staged 'Scan what the next commit adds (the index against HEAD): the pre-commit check'
            cand history 'Scan git history: every blob each commit introduced, each distinct blob once'
            cand baseline 'Record known findings so that later scans report only new ones'
            cand rules 'List the rules, or check rule files'
            cand install-hook 'Write a plain .git/hooks/pre-commit that runs `stanch staged`'
            cand completions 'Print a shell completion script, e.g. `stanch completions bash > /etc/bash_completion.d/stanch`'
            cand man 'Print the man page (roff), e.g. `stanch man > stanch.1`; `--dir` writes a page per command'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'stanch;scan'= {
            cand -e 'Do not read files matching this glob (gitignore syntax; repeatable)'
            cand --exclude 'Do not read files matching this glob (gitignore syntax; repeatable)'
            cand --stdin-name 'The path to report for stdin'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -o 'Write the report to this file instead of stdout'
            cand --output 'Write the report to this file instead of stdout'
            cand --report 'Also write the report as FORMAT to FILE, from the same scan (repeatable), e.g. `--report sarif=stanch.sarif`'
            cand --min-confidence 'Report only findings at least this confident (0 to 1) [default: 0.3]'
            cand --max-file-size 'Skip files larger than this many bytes (K, M and G suffixes allowed) [default: 25M]'
            cand --archive-depth 'Expand archives nested this many levels deep (a jar in a war in a tar.gz is 3; 0: none) [default: 3]'
            cand --max-archive-size 'Stop expanding an archive after this many decompressed bytes, nested archives included (K, M and G suffixes allowed) [default: 256M]'
            cand --decode-depth 'Undo this many levels of encodings (base64, hex, percent-encoding, string escapes, HTML entities) to look for secrets inside; 0 turns decoding off'
            cand -j 'Worker threads (default: one per core)'
            cand --threads 'Worker threads (default: one per core)'
            cand --color 'Colour'
            cand --config 'Use this config file instead of the discovered .stanch.toml'
            cand --baseline 'Report only findings that are not in this baseline file'
            cand --no-ignore 'Also scan files that .gitignore and .ignore exclude'
            cand -L 'Follow symbolic links, never out of the scanned paths (loops and dangling links are skipped)'
            cand --follow 'Follow symbolic links, never out of the scanned paths (loops and dangling links are skipped)'
            cand --show-secrets 'Print secrets in full (never do this in CI logs)'
            cand --no-archives 'Do not look inside archives and compressed files (zip, jar, tar.gz, …): skip them as binary'
            cand --no-inline-allow 'Ignore inline allow comments (for audits)'
            cand --no-config 'Ignore .stanch.toml'
            cand --report-unused 'List baseline and allowlist entries that matched nothing (the exit status is unchanged)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'stanch;audit'= {
            cand --fail-on 'Which findings fail the run (exit 1): secrets, failed practice items, or both'
            cand -e 'Do not read files matching this glob (gitignore syntax; repeatable)'
            cand --exclude 'Do not read files matching this glob (gitignore syntax; repeatable)'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -o 'Write the report to this file instead of stdout'
            cand --output 'Write the report to this file instead of stdout'
            cand --report 'Also write the report as FORMAT to FILE, from the same scan (repeatable), e.g. `--report sarif=stanch.sarif`'
            cand --min-confidence 'Report only findings at least this confident (0 to 1) [default: 0.3]'
            cand --max-file-size 'Skip files larger than this many bytes (K, M and G suffixes allowed) [default: 25M]'
            cand --archive-depth 'Expand archives nested this many levels deep (a jar in a war in a tar.gz is 3; 0: none) [default: 3]'
            cand --max-archive-size 'Stop expanding an archive after this many decompressed bytes, nested archives included (K, M and G suffixes allowed) [default: 256M]'
            cand --decode-depth 'Undo this many levels of encodings (base64, hex, percent-encoding, string escapes, HTML entities) to look for secrets inside; 0 turns decoding off'
            cand -j 'Worker threads (default: one per core)'
            cand --threads 'Worker threads (default: one per core)'
            cand --color 'Colour'
            cand --config 'Use this config file instead of the discovered .stanch.toml'
            cand --baseline 'Report only findings that are not in this baseline file'
            cand --show-secrets 'Print secrets in full (never do this in CI logs)'
            cand --no-archives 'Do not look inside archives and compressed files (zip, jar, tar.gz, …): skip them as binary'
            cand --no-inline-allow 'Ignore inline allow comments (for audits)'
            cand --no-config 'Ignore .stanch.toml'
            cand --report-unused 'List baseline and allowlist entries that matched nothing (the exit status is unchanged)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'stanch;staged'= {
            cand --repo 'The repository (default: the one containing the current directory)'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -o 'Write the report to this file instead of stdout'
            cand --output 'Write the report to this file instead of stdout'
            cand --report 'Also write the report as FORMAT to FILE, from the same scan (repeatable), e.g. `--report sarif=stanch.sarif`'
            cand --min-confidence 'Report only findings at least this confident (0 to 1) [default: 0.3]'
            cand --max-file-size 'Skip files larger than this many bytes (K, M and G suffixes allowed) [default: 25M]'
            cand --archive-depth 'Expand archives nested this many levels deep (a jar in a war in a tar.gz is 3; 0: none) [default: 3]'
            cand --max-archive-size 'Stop expanding an archive after this many decompressed bytes, nested archives included (K, M and G suffixes allowed) [default: 256M]'
            cand --decode-depth 'Undo this many levels of encodings (base64, hex, percent-encoding, string escapes, HTML entities) to look for secrets inside; 0 turns decoding off'
            cand -j 'Worker threads (default: one per core)'
            cand --threads 'Worker threads (default: one per core)'
            cand --color 'Colour'
            cand --config 'Use this config file instead of the discovered .stanch.toml'
            cand --baseline 'Report only findings that are not in this baseline file'
            cand --show-secrets 'Print secrets in full (never do this in CI logs)'
            cand --no-archives 'Do not look inside archives and compressed files (zip, jar, tar.gz, …): skip them as binary'
            cand --no-inline-allow 'Ignore inline allow comments (for audits)'
            cand --no-config 'Ignore .stanch.toml'
            cand --report-unused 'List baseline and allowlist entries that matched nothing (the exit status is unchanged)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'stanch;history'= {
            cand --range 'Only the commits of a range: `A..B` (in B, not in A) or `A...B` (in either, not in both)'
            cand --since 'Only commits committed on or after this date (YYYY-MM-DD, RFC 3339, or @SECONDS)'
            cand --until 'Only commits committed on or before this date'
            cand --branch 'The history of this branch (or any ref) instead of HEAD'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -o 'Write the report to this file instead of stdout'
            cand --output 'Write the report to this file instead of stdout'
            cand --report 'Also write the report as FORMAT to FILE, from the same scan (repeatable), e.g. `--report sarif=stanch.sarif`'
            cand --min-confidence 'Report only findings at least this confident (0 to 1) [default: 0.3]'
            cand --max-file-size 'Skip files larger than this many bytes (K, M and G suffixes allowed) [default: 25M]'
            cand --archive-depth 'Expand archives nested this many levels deep (a jar in a war in a tar.gz is 3; 0: none) [default: 3]'
            cand --max-archive-size 'Stop expanding an archive after this many decompressed bytes, nested archives included (K, M and G suffixes allowed) [default: 256M]'
            cand --decode-depth 'Undo this many levels of encodings (base64, hex, percent-encoding, string escapes, HTML entities) to look for secrets inside; 0 turns decoding off'
            cand -j 'Worker threads (default: one per core)'
            cand --threads 'Worker threads (default: one per core)'
            cand --color 'Colour'
            cand --config 'Use this config file instead of the discovered .stanch.toml'
            cand --baseline 'Report only findings that are not in this baseline file'
            cand --all 'Every commit reachable from any ref (branches, tags, remotes, stash), not just HEAD'
            cand --show-secrets 'Print secrets in full (never do this in CI logs)'
            cand --no-archives 'Do not look inside archives and compressed files (zip, jar, tar.gz, …): skip them as binary'
            cand --no-inline-allow 'Ignore inline allow comments (for audits)'
            cand --no-config 'Ignore .stanch.toml'
            cand --report-unused 'List baseline and allowlist entries that matched nothing (the exit status is unchanged)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'stanch;baseline'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Scan and record every current finding in a new baseline'
            cand update 'Scan again: add new findings, drop entries that match nothing, keep audit states'
            cand audit 'List entries with their audit state, or set states'
            cand import 'Convert another tool''s baseline (merged into an existing one)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'stanch;baseline;create'= {
            cand -e 'Do not read files matching this glob (gitignore syntax; repeatable)'
            cand --exclude 'Do not read files matching this glob (gitignore syntax; repeatable)'
            cand --stdin-name 'The path to report for stdin'
            cand -f 'Output format'
            cand --format 'Output format'
            cand --report 'Also write the report as FORMAT to FILE, from the same scan (repeatable), e.g. `--report sarif=stanch.sarif`'
            cand --min-confidence 'Report only findings at least this confident (0 to 1) [default: 0.3]'
            cand --max-file-size 'Skip files larger than this many bytes (K, M and G suffixes allowed) [default: 25M]'
            cand --archive-depth 'Expand archives nested this many levels deep (a jar in a war in a tar.gz is 3; 0: none) [default: 3]'
            cand --max-archive-size 'Stop expanding an archive after this many decompressed bytes, nested archives included (K, M and G suffixes allowed) [default: 256M]'
            cand --decode-depth 'Undo this many levels of encodings (base64, hex, percent-encoding, string escapes, HTML entities) to look for secrets inside; 0 turns decoding off'
            cand -j 'Worker threads (default: one per core)'
            cand --threads 'Worker threads (default: one per core)'
            cand --color 'Colour'
            cand --config 'Use this config file instead of the discovered .stanch.toml'
            cand --baseline 'Report only findings that are not in this baseline file'
            cand -o 'The baseline file to write [default: `baseline` in .stanch.toml, else .stanch-baseline.json]'
            cand --output 'The baseline file to write [default: `baseline` in .stanch.toml, else .stanch-baseline.json]'
            cand --no-ignore 'Also scan files that .gitignore and .ignore exclude'
            cand -L 'Follow symbolic links, never out of the scanned paths (loops and dangling links are skipped)'
            cand --follow 'Follow symbolic links, never out of the scanned paths (loops and dangling links are skipped)'
            cand --show-secrets 'Print secrets in full (never do this in CI logs)'
            cand --no-archives 'Do not look inside archives and compressed files (zip, jar, tar.gz, …): skip them as binary'
            cand --no-inline-allow 'Ignore inline allow comments (for audits)'
            cand --no-config 'Ignore .stanch.toml'
            cand --report-unused 'List baseline and allowlist entries that matched nothing (the exit status is unchanged)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'stanch;baseline;update'= {
            cand -e 'Do not read files matching this glob (gitignore syntax; repeatable)'
            cand --exclude 'Do not read files matching this glob (gitignore syntax; repeatable)'
            cand --stdin-name 'The path to report for stdin'
            cand -f 'Output format'
            cand --format 'Output format'
            cand --report 'Also write the report as FORMAT to FILE, from the same scan (repeatable), e.g. `--report sarif=stanch.sarif`'
            cand --min-confidence 'Report only findings at least this confident (0 to 1) [default: 0.3]'
            cand --max-file-size 'Skip files larger than this many bytes (K, M and G suffixes allowed) [default: 25M]'
            cand --archive-depth 'Expand archives nested this many levels deep (a jar in a war in a tar.gz is 3; 0: none) [default: 3]'
            cand --max-archive-size 'Stop expanding an archive after this many decompressed bytes, nested archives included (K, M and G suffixes allowed) [default: 256M]'
            cand --decode-depth 'Undo this many levels of encodings (base64, hex, percent-encoding, string escapes, HTML entities) to look for secrets inside; 0 turns decoding off'
            cand -j 'Worker threads (default: one per core)'
            cand --threads 'Worker threads (default: one per core)'
            cand --color 'Colour'
            cand --config 'Use this config file instead of the discovered .stanch.toml'
            cand --baseline 'Report only findings that are not in this baseline file'
            cand -o 'Where to write the updated baseline [default: the baseline read]'
            cand --output 'Where to write the updated baseline [default: the baseline read]'
            cand --no-ignore 'Also scan files that .gitignore and .ignore exclude'
            cand -L 'Follow symbolic links, never out of the scanned paths (loops and dangling links are skipped)'
            cand --follow 'Follow symbolic links, never out of the scanned paths (loops and dangling links are skipped)'
            cand --show-secrets 'Print secrets in full (never do this in CI logs)'
            cand --no-archives 'Do not look inside archives and compressed files (zip, jar, tar.gz, …): skip them as binary'
            cand --no-inline-allow 'Ignore inline allow comments (for audits)'
            cand --no-config 'Ignore .stanch.toml'
            cand --report-unused 'List baseline and allowlist entries that matched nothing (the exit status is unchanged)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'stanch;baseline;audit'= {
            cand --set 'Set an entry''s state: FINGERPRINT=unaudited|false-positive|accepted-risk|revoked (repeatable; a prefix of 8+ digits will do)'
            cand --root 'Where scanned paths are relative to (to show the redacted lines)'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -o 'Write the report to this file instead of stdout'
            cand --output 'Write the report to this file instead of stdout'
            cand --report 'Also write the report as FORMAT to FILE, from the same scan (repeatable), e.g. `--report sarif=stanch.sarif`'
            cand --min-confidence 'Report only findings at least this confident (0 to 1) [default: 0.3]'
            cand --max-file-size 'Skip files larger than this many bytes (K, M and G suffixes allowed) [default: 25M]'
            cand --archive-depth 'Expand archives nested this many levels deep (a jar in a war in a tar.gz is 3; 0: none) [default: 3]'
            cand --max-archive-size 'Stop expanding an archive after this many decompressed bytes, nested archives included (K, M and G suffixes allowed) [default: 256M]'
            cand --decode-depth 'Undo this many levels of encodings (base64, hex, percent-encoding, string escapes, HTML entities) to look for secrets inside; 0 turns decoding off'
            cand -j 'Worker threads (default: one per core)'
            cand --threads 'Worker threads (default: one per core)'
            cand --color 'Colour'
            cand --config 'Use this config file instead of the discovered .stanch.toml'
            cand --baseline 'Report only findings that are not in this baseline file'
            cand --list 'List, even on a terminal (no interactive stepping); `-f json` lists as JSON'
            cand --show-secrets 'Print secrets in full (never do this in CI logs)'
            cand --no-archives 'Do not look inside archives and compressed files (zip, jar, tar.gz, …): skip them as binary'
            cand --no-inline-allow 'Ignore inline allow comments (for audits)'
            cand --no-config 'Ignore .stanch.toml'
            cand --report-unused 'List baseline and allowlist entries that matched nothing (the exit status is unchanged)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'stanch;baseline;import'= {
            cand --from 'The other tool''s format'
            cand --root 'The repository the fingerprints refer to (gitleaks: its files are read to hash the secrets)'
            cand -f 'Output format'
            cand --format 'Output format'
            cand --report 'Also write the report as FORMAT to FILE, from the same scan (repeatable), e.g. `--report sarif=stanch.sarif`'
            cand --min-confidence 'Report only findings at least this confident (0 to 1) [default: 0.3]'
            cand --max-file-size 'Skip files larger than this many bytes (K, M and G suffixes allowed) [default: 25M]'
            cand --archive-depth 'Expand archives nested this many levels deep (a jar in a war in a tar.gz is 3; 0: none) [default: 3]'
            cand --max-archive-size 'Stop expanding an archive after this many decompressed bytes, nested archives included (K, M and G suffixes allowed) [default: 256M]'
            cand --decode-depth 'Undo this many levels of encodings (base64, hex, percent-encoding, string escapes, HTML entities) to look for secrets inside; 0 turns decoding off'
            cand -j 'Worker threads (default: one per core)'
            cand --threads 'Worker threads (default: one per core)'
            cand --color 'Colour'
            cand --config 'Use this config file instead of the discovered .stanch.toml'
            cand --baseline 'Report only findings that are not in this baseline file'
            cand -o 'The baseline file to write [default: `baseline` in .stanch.toml, else .stanch-baseline.json]'
            cand --output 'The baseline file to write [default: `baseline` in .stanch.toml, else .stanch-baseline.json]'
            cand --show-secrets 'Print secrets in full (never do this in CI logs)'
            cand --no-archives 'Do not look inside archives and compressed files (zip, jar, tar.gz, …): skip them as binary'
            cand --no-inline-allow 'Ignore inline allow comments (for audits)'
            cand --no-config 'Ignore .stanch.toml'
            cand --report-unused 'List baseline and allowlist entries that matched nothing (the exit status is unchanged)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'stanch;baseline;help'= {
            cand create 'Scan and record every current finding in a new baseline'
            cand update 'Scan again: add new findings, drop entries that match nothing, keep audit states'
            cand audit 'List entries with their audit state, or set states'
            cand import 'Convert another tool''s baseline (merged into an existing one)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'stanch;baseline;help;create'= {
        }
        &'stanch;baseline;help;update'= {
        }
        &'stanch;baseline;help;audit'= {
        }
        &'stanch;baseline;help;import'= {
        }
        &'stanch;baseline;help;help'= {
        }
        &'stanch;rules'= {
            cand -f 'Listing format'
            cand --format 'Listing format'
            cand --config 'List the rules as this config file sets them (default: `.stanch.toml` here)'
            cand --no-config 'List only the built-in rules'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand check 'Validate rule files as the test suite does (examples, negatives, regexes, keywords)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'stanch;rules;check'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'stanch;rules;help'= {
            cand check 'Validate rule files as the test suite does (examples, negatives, regexes, keywords)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'stanch;rules;help;check'= {
        }
        &'stanch;rules;help;help'= {
        }
        &'stanch;install-hook'= {
            cand --repo 'The repository (default: the one containing the current directory)'
            cand --force 'Replace an existing pre-commit hook that stanch did not write'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'stanch;completions'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'stanch;man'= {
            cand --dir 'Write stanch.1 and a page for each subcommand (stanch-scan.1, …) into this directory instead'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'stanch;help'= {
            cand scan 'Scan files and directories (`-` for stdin)'
            cand audit 'Check a repository against the secret-handling practices (ignored .env files, no secrets in logs, errors, defaults, CI or containers…), then scan it for secrets'
            cand staged 'Scan what the next commit adds (the index against HEAD): the pre-commit check'
            cand history 'Scan git history: every blob each commit introduced, each distinct blob once'
            cand baseline 'Record known findings so that later scans report only new ones'
            cand rules 'List the rules, or check rule files'
            cand install-hook 'Write a plain .git/hooks/pre-commit that runs `stanch staged`'
            cand completions 'Print a shell completion script, e.g. `stanch completions bash > /etc/bash_completion.d/stanch`'
            cand man 'Print the man page (roff), e.g. `stanch man > stanch.1`; `--dir` writes a page per command'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'stanch;help;scan'= {
        }
        &'stanch;help;audit'= {
        }
        &'stanch;help;staged'= {
        }
        &'stanch;help;history'= {
        }
        &'stanch;help;baseline'= {
            cand create 'Scan and record every current finding in a new baseline'
            cand update 'Scan again: add new findings, drop entries that match nothing, keep audit states'
            cand audit 'List entries with their audit state, or set states'
            cand import 'Convert another tool''s baseline (merged into an existing one)'
        }
        &'stanch;help;baseline;create'= {
        }
        &'stanch;help;baseline;update'= {
        }
        &'stanch;help;baseline;audit'= {
        }
        &'stanch;help;baseline;import'= {
        }
        &'stanch;help;rules'= {
            cand check 'Validate rule files as the test suite does (examples, negatives, regexes, keywords)'
        }
        &'stanch;help;rules;check'= {
        }
        &'stanch;help;install-hook'= {
        }
        &'stanch;help;completions'= {
        }
        &'stanch;help;man'= {
        }
        &'stanch;help;help'= {
        }
    ]
    $completions[$command]
}
