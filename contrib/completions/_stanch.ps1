
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'stanch' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'stanch'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'stanch' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Scan files and directories (`-` for stdin)')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Check a repository against the secret-handling practices (ignored .env files, no secrets in logs, errors, defaults, CI or containers…), then scan it for secrets')
            [CompletionResult]::new('staged', 'staged', [CompletionResultType]::ParameterValue, 'Scan what the next commit adds (the index against HEAD): the pre-commit check')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Scan git history: every blob each commit introduced, each distinct blob once')
            [CompletionResult]::new('baseline', 'baseline', [CompletionResultType]::ParameterValue, 'Record known findings so that later scans report only new ones')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'List the rules, or check rule files')
            [CompletionResult]::new('install-hook', 'install-hook', [CompletionResultType]::ParameterValue, 'Write a plain .git/hooks/pre-commit that runs `stanch staged`')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script, e.g. `stanch completions bash > /etc/bash_completion.d/stanch`')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), e.g. `stanch man > stanch.1`; `--dir` writes a page per command')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'stanch;scan' {
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Do not read files matching this glob (gitignore syntax; repeatable)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Do not read files matching this glob (gitignore syntax; repeatable)')
            [CompletionResult]::new('--stdin-name', '--stdin-name', [CompletionResultType]::ParameterName, 'The path to report for stdin')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to this file instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to this file instead of stdout')
            [CompletionResult]::new('--report', '--report', [CompletionResultType]::ParameterName, 'Also write the report as FORMAT to FILE, from the same scan (repeatable), e.g. `--report sarif=stanch.sarif`')
            [CompletionResult]::new('--min-confidence', '--min-confidence', [CompletionResultType]::ParameterName, 'Report only findings at least this confident (0 to 1) [default: 0.3]')
            [CompletionResult]::new('--max-file-size', '--max-file-size', [CompletionResultType]::ParameterName, 'Skip files larger than this many bytes (K, M and G suffixes allowed) [default: 25M]')
            [CompletionResult]::new('--archive-depth', '--archive-depth', [CompletionResultType]::ParameterName, 'Expand archives nested this many levels deep (a jar in a war in a tar.gz is 3; 0: none) [default: 3]')
            [CompletionResult]::new('--max-archive-size', '--max-archive-size', [CompletionResultType]::ParameterName, 'Stop expanding an archive after this many decompressed bytes, nested archives included (K, M and G suffixes allowed) [default: 256M]')
            [CompletionResult]::new('--decode-depth', '--decode-depth', [CompletionResultType]::ParameterName, 'Undo this many levels of encodings (base64, hex, percent-encoding, string escapes, HTML entities) to look for secrets inside; 0 turns decoding off')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads (default: one per core)')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads (default: one per core)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Use this config file instead of the discovered .stanch.toml')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Report only findings that are not in this baseline file')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Also scan files that .gitignore and .ignore exclude')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Follow symbolic links, never out of the scanned paths (loops and dangling links are skipped)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Follow symbolic links, never out of the scanned paths (loops and dangling links are skipped)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secrets in full (never do this in CI logs)')
            [CompletionResult]::new('--no-archives', '--no-archives', [CompletionResultType]::ParameterName, 'Do not look inside archives and compressed files (zip, jar, tar.gz, …): skip them as binary')
            [CompletionResult]::new('--no-inline-allow', '--no-inline-allow', [CompletionResultType]::ParameterName, 'Ignore inline allow comments (for audits)')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore .stanch.toml')
            [CompletionResult]::new('--report-unused', '--report-unused', [CompletionResultType]::ParameterName, 'List baseline and allowlist entries that matched nothing (the exit status is unchanged)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'stanch;audit' {
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Which findings fail the run (exit 1): secrets, failed practice items, or both')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Do not read files matching this glob (gitignore syntax; repeatable)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Do not read files matching this glob (gitignore syntax; repeatable)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to this file instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to this file instead of stdout')
            [CompletionResult]::new('--report', '--report', [CompletionResultType]::ParameterName, 'Also write the report as FORMAT to FILE, from the same scan (repeatable), e.g. `--report sarif=stanch.sarif`')
            [CompletionResult]::new('--min-confidence', '--min-confidence', [CompletionResultType]::ParameterName, 'Report only findings at least this confident (0 to 1) [default: 0.3]')
            [CompletionResult]::new('--max-file-size', '--max-file-size', [CompletionResultType]::ParameterName, 'Skip files larger than this many bytes (K, M and G suffixes allowed) [default: 25M]')
            [CompletionResult]::new('--archive-depth', '--archive-depth', [CompletionResultType]::ParameterName, 'Expand archives nested this many levels deep (a jar in a war in a tar.gz is 3; 0: none) [default: 3]')
            [CompletionResult]::new('--max-archive-size', '--max-archive-size', [CompletionResultType]::ParameterName, 'Stop expanding an archive after this many decompressed bytes, nested archives included (K, M and G suffixes allowed) [default: 256M]')
            [CompletionResult]::new('--decode-depth', '--decode-depth', [CompletionResultType]::ParameterName, 'Undo this many levels of encodings (base64, hex, percent-encoding, string escapes, HTML entities) to look for secrets inside; 0 turns decoding off')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads (default: one per core)')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads (default: one per core)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Use this config file instead of the discovered .stanch.toml')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Report only findings that are not in this baseline file')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secrets in full (never do this in CI logs)')
            [CompletionResult]::new('--no-archives', '--no-archives', [CompletionResultType]::ParameterName, 'Do not look inside archives and compressed files (zip, jar, tar.gz, …): skip them as binary')
            [CompletionResult]::new('--no-inline-allow', '--no-inline-allow', [CompletionResultType]::ParameterName, 'Ignore inline allow comments (for audits)')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore .stanch.toml')
            [CompletionResult]::new('--report-unused', '--report-unused', [CompletionResultType]::ParameterName, 'List baseline and allowlist entries that matched nothing (the exit status is unchanged)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'stanch;staged' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The repository (default: the one containing the current directory)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to this file instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to this file instead of stdout')
            [CompletionResult]::new('--report', '--report', [CompletionResultType]::ParameterName, 'Also write the report as FORMAT to FILE, from the same scan (repeatable), e.g. `--report sarif=stanch.sarif`')
            [CompletionResult]::new('--min-confidence', '--min-confidence', [CompletionResultType]::ParameterName, 'Report only findings at least this confident (0 to 1) [default: 0.3]')
            [CompletionResult]::new('--max-file-size', '--max-file-size', [CompletionResultType]::ParameterName, 'Skip files larger than this many bytes (K, M and G suffixes allowed) [default: 25M]')
            [CompletionResult]::new('--archive-depth', '--archive-depth', [CompletionResultType]::ParameterName, 'Expand archives nested this many levels deep (a jar in a war in a tar.gz is 3; 0: none) [default: 3]')
            [CompletionResult]::new('--max-archive-size', '--max-archive-size', [CompletionResultType]::ParameterName, 'Stop expanding an archive after this many decompressed bytes, nested archives included (K, M and G suffixes allowed) [default: 256M]')
            [CompletionResult]::new('--decode-depth', '--decode-depth', [CompletionResultType]::ParameterName, 'Undo this many levels of encodings (base64, hex, percent-encoding, string escapes, HTML entities) to look for secrets inside; 0 turns decoding off')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads (default: one per core)')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads (default: one per core)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Use this config file instead of the discovered .stanch.toml')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Report only findings that are not in this baseline file')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secrets in full (never do this in CI logs)')
            [CompletionResult]::new('--no-archives', '--no-archives', [CompletionResultType]::ParameterName, 'Do not look inside archives and compressed files (zip, jar, tar.gz, …): skip them as binary')
            [CompletionResult]::new('--no-inline-allow', '--no-inline-allow', [CompletionResultType]::ParameterName, 'Ignore inline allow comments (for audits)')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore .stanch.toml')
            [CompletionResult]::new('--report-unused', '--report-unused', [CompletionResultType]::ParameterName, 'List baseline and allowlist entries that matched nothing (the exit status is unchanged)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'stanch;history' {
            [CompletionResult]::new('--range', '--range', [CompletionResultType]::ParameterName, 'Only the commits of a range: `A..B` (in B, not in A) or `A...B` (in either, not in both)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only commits committed on or after this date (YYYY-MM-DD, RFC 3339, or @SECONDS)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only commits committed on or before this date')
            [CompletionResult]::new('--branch', '--branch', [CompletionResultType]::ParameterName, 'The history of this branch (or any ref) instead of HEAD')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to this file instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to this file instead of stdout')
            [CompletionResult]::new('--report', '--report', [CompletionResultType]::ParameterName, 'Also write the report as FORMAT to FILE, from the same scan (repeatable), e.g. `--report sarif=stanch.sarif`')
            [CompletionResult]::new('--min-confidence', '--min-confidence', [CompletionResultType]::ParameterName, 'Report only findings at least this confident (0 to 1) [default: 0.3]')
            [CompletionResult]::new('--max-file-size', '--max-file-size', [CompletionResultType]::ParameterName, 'Skip files larger than this many bytes (K, M and G suffixes allowed) [default: 25M]')
            [CompletionResult]::new('--archive-depth', '--archive-depth', [CompletionResultType]::ParameterName, 'Expand archives nested this many levels deep (a jar in a war in a tar.gz is 3; 0: none) [default: 3]')
            [CompletionResult]::new('--max-archive-size', '--max-archive-size', [CompletionResultType]::ParameterName, 'Stop expanding an archive after this many decompressed bytes, nested archives included (K, M and G suffixes allowed) [default: 256M]')
            [CompletionResult]::new('--decode-depth', '--decode-depth', [CompletionResultType]::ParameterName, 'Undo this many levels of encodings (base64, hex, percent-encoding, string escapes, HTML entities) to look for secrets inside; 0 turns decoding off')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads (default: one per core)')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads (default: one per core)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Use this config file instead of the discovered .stanch.toml')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Report only findings that are not in this baseline file')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every commit reachable from any ref (branches, tags, remotes, stash), not just HEAD')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secrets in full (never do this in CI logs)')
            [CompletionResult]::new('--no-archives', '--no-archives', [CompletionResultType]::ParameterName, 'Do not look inside archives and compressed files (zip, jar, tar.gz, …): skip them as binary')
            [CompletionResult]::new('--no-inline-allow', '--no-inline-allow', [CompletionResultType]::ParameterName, 'Ignore inline allow comments (for audits)')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore .stanch.toml')
            [CompletionResult]::new('--report-unused', '--report-unused', [CompletionResultType]::ParameterName, 'List baseline and allowlist entries that matched nothing (the exit status is unchanged)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'stanch;baseline' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Scan and record every current finding in a new baseline')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Scan again: add new findings, drop entries that match nothing, keep audit states')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'List entries with their audit state, or set states')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Convert another tool''s baseline (merged into an existing one)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'stanch;baseline;create' {
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Do not read files matching this glob (gitignore syntax; repeatable)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Do not read files matching this glob (gitignore syntax; repeatable)')
            [CompletionResult]::new('--stdin-name', '--stdin-name', [CompletionResultType]::ParameterName, 'The path to report for stdin')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--report', '--report', [CompletionResultType]::ParameterName, 'Also write the report as FORMAT to FILE, from the same scan (repeatable), e.g. `--report sarif=stanch.sarif`')
            [CompletionResult]::new('--min-confidence', '--min-confidence', [CompletionResultType]::ParameterName, 'Report only findings at least this confident (0 to 1) [default: 0.3]')
            [CompletionResult]::new('--max-file-size', '--max-file-size', [CompletionResultType]::ParameterName, 'Skip files larger than this many bytes (K, M and G suffixes allowed) [default: 25M]')
            [CompletionResult]::new('--archive-depth', '--archive-depth', [CompletionResultType]::ParameterName, 'Expand archives nested this many levels deep (a jar in a war in a tar.gz is 3; 0: none) [default: 3]')
            [CompletionResult]::new('--max-archive-size', '--max-archive-size', [CompletionResultType]::ParameterName, 'Stop expanding an archive after this many decompressed bytes, nested archives included (K, M and G suffixes allowed) [default: 256M]')
            [CompletionResult]::new('--decode-depth', '--decode-depth', [CompletionResultType]::ParameterName, 'Undo this many levels of encodings (base64, hex, percent-encoding, string escapes, HTML entities) to look for secrets inside; 0 turns decoding off')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads (default: one per core)')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads (default: one per core)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Use this config file instead of the discovered .stanch.toml')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Report only findings that are not in this baseline file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'The baseline file to write [default: `baseline` in .stanch.toml, else .stanch-baseline.json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'The baseline file to write [default: `baseline` in .stanch.toml, else .stanch-baseline.json]')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Also scan files that .gitignore and .ignore exclude')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Follow symbolic links, never out of the scanned paths (loops and dangling links are skipped)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Follow symbolic links, never out of the scanned paths (loops and dangling links are skipped)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secrets in full (never do this in CI logs)')
            [CompletionResult]::new('--no-archives', '--no-archives', [CompletionResultType]::ParameterName, 'Do not look inside archives and compressed files (zip, jar, tar.gz, …): skip them as binary')
            [CompletionResult]::new('--no-inline-allow', '--no-inline-allow', [CompletionResultType]::ParameterName, 'Ignore inline allow comments (for audits)')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore .stanch.toml')
            [CompletionResult]::new('--report-unused', '--report-unused', [CompletionResultType]::ParameterName, 'List baseline and allowlist entries that matched nothing (the exit status is unchanged)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'stanch;baseline;update' {
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Do not read files matching this glob (gitignore syntax; repeatable)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Do not read files matching this glob (gitignore syntax; repeatable)')
            [CompletionResult]::new('--stdin-name', '--stdin-name', [CompletionResultType]::ParameterName, 'The path to report for stdin')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--report', '--report', [CompletionResultType]::ParameterName, 'Also write the report as FORMAT to FILE, from the same scan (repeatable), e.g. `--report sarif=stanch.sarif`')
            [CompletionResult]::new('--min-confidence', '--min-confidence', [CompletionResultType]::ParameterName, 'Report only findings at least this confident (0 to 1) [default: 0.3]')
            [CompletionResult]::new('--max-file-size', '--max-file-size', [CompletionResultType]::ParameterName, 'Skip files larger than this many bytes (K, M and G suffixes allowed) [default: 25M]')
            [CompletionResult]::new('--archive-depth', '--archive-depth', [CompletionResultType]::ParameterName, 'Expand archives nested this many levels deep (a jar in a war in a tar.gz is 3; 0: none) [default: 3]')
            [CompletionResult]::new('--max-archive-size', '--max-archive-size', [CompletionResultType]::ParameterName, 'Stop expanding an archive after this many decompressed bytes, nested archives included (K, M and G suffixes allowed) [default: 256M]')
            [CompletionResult]::new('--decode-depth', '--decode-depth', [CompletionResultType]::ParameterName, 'Undo this many levels of encodings (base64, hex, percent-encoding, string escapes, HTML entities) to look for secrets inside; 0 turns decoding off')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads (default: one per core)')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads (default: one per core)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Use this config file instead of the discovered .stanch.toml')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Report only findings that are not in this baseline file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write the updated baseline [default: the baseline read]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write the updated baseline [default: the baseline read]')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Also scan files that .gitignore and .ignore exclude')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Follow symbolic links, never out of the scanned paths (loops and dangling links are skipped)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Follow symbolic links, never out of the scanned paths (loops and dangling links are skipped)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secrets in full (never do this in CI logs)')
            [CompletionResult]::new('--no-archives', '--no-archives', [CompletionResultType]::ParameterName, 'Do not look inside archives and compressed files (zip, jar, tar.gz, …): skip them as binary')
            [CompletionResult]::new('--no-inline-allow', '--no-inline-allow', [CompletionResultType]::ParameterName, 'Ignore inline allow comments (for audits)')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore .stanch.toml')
            [CompletionResult]::new('--report-unused', '--report-unused', [CompletionResultType]::ParameterName, 'List baseline and allowlist entries that matched nothing (the exit status is unchanged)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'stanch;baseline;audit' {
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set an entry''s state: FINGERPRINT=unaudited|false-positive|accepted-risk|revoked (repeatable; a prefix of 8+ digits will do)')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Where scanned paths are relative to (to show the redacted lines)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to this file instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to this file instead of stdout')
            [CompletionResult]::new('--report', '--report', [CompletionResultType]::ParameterName, 'Also write the report as FORMAT to FILE, from the same scan (repeatable), e.g. `--report sarif=stanch.sarif`')
            [CompletionResult]::new('--min-confidence', '--min-confidence', [CompletionResultType]::ParameterName, 'Report only findings at least this confident (0 to 1) [default: 0.3]')
            [CompletionResult]::new('--max-file-size', '--max-file-size', [CompletionResultType]::ParameterName, 'Skip files larger than this many bytes (K, M and G suffixes allowed) [default: 25M]')
            [CompletionResult]::new('--archive-depth', '--archive-depth', [CompletionResultType]::ParameterName, 'Expand archives nested this many levels deep (a jar in a war in a tar.gz is 3; 0: none) [default: 3]')
            [CompletionResult]::new('--max-archive-size', '--max-archive-size', [CompletionResultType]::ParameterName, 'Stop expanding an archive after this many decompressed bytes, nested archives included (K, M and G suffixes allowed) [default: 256M]')
            [CompletionResult]::new('--decode-depth', '--decode-depth', [CompletionResultType]::ParameterName, 'Undo this many levels of encodings (base64, hex, percent-encoding, string escapes, HTML entities) to look for secrets inside; 0 turns decoding off')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads (default: one per core)')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads (default: one per core)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Use this config file instead of the discovered .stanch.toml')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Report only findings that are not in this baseline file')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List, even on a terminal (no interactive stepping); `-f json` lists as JSON')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secrets in full (never do this in CI logs)')
            [CompletionResult]::new('--no-archives', '--no-archives', [CompletionResultType]::ParameterName, 'Do not look inside archives and compressed files (zip, jar, tar.gz, …): skip them as binary')
            [CompletionResult]::new('--no-inline-allow', '--no-inline-allow', [CompletionResultType]::ParameterName, 'Ignore inline allow comments (for audits)')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore .stanch.toml')
            [CompletionResult]::new('--report-unused', '--report-unused', [CompletionResultType]::ParameterName, 'List baseline and allowlist entries that matched nothing (the exit status is unchanged)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'stanch;baseline;import' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The other tool''s format')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository the fingerprints refer to (gitleaks: its files are read to hash the secrets)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--report', '--report', [CompletionResultType]::ParameterName, 'Also write the report as FORMAT to FILE, from the same scan (repeatable), e.g. `--report sarif=stanch.sarif`')
            [CompletionResult]::new('--min-confidence', '--min-confidence', [CompletionResultType]::ParameterName, 'Report only findings at least this confident (0 to 1) [default: 0.3]')
            [CompletionResult]::new('--max-file-size', '--max-file-size', [CompletionResultType]::ParameterName, 'Skip files larger than this many bytes (K, M and G suffixes allowed) [default: 25M]')
            [CompletionResult]::new('--archive-depth', '--archive-depth', [CompletionResultType]::ParameterName, 'Expand archives nested this many levels deep (a jar in a war in a tar.gz is 3; 0: none) [default: 3]')
            [CompletionResult]::new('--max-archive-size', '--max-archive-size', [CompletionResultType]::ParameterName, 'Stop expanding an archive after this many decompressed bytes, nested archives included (K, M and G suffixes allowed) [default: 256M]')
            [CompletionResult]::new('--decode-depth', '--decode-depth', [CompletionResultType]::ParameterName, 'Undo this many levels of encodings (base64, hex, percent-encoding, string escapes, HTML entities) to look for secrets inside; 0 turns decoding off')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads (default: one per core)')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads (default: one per core)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Use this config file instead of the discovered .stanch.toml')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Report only findings that are not in this baseline file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'The baseline file to write [default: `baseline` in .stanch.toml, else .stanch-baseline.json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'The baseline file to write [default: `baseline` in .stanch.toml, else .stanch-baseline.json]')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secrets in full (never do this in CI logs)')
            [CompletionResult]::new('--no-archives', '--no-archives', [CompletionResultType]::ParameterName, 'Do not look inside archives and compressed files (zip, jar, tar.gz, …): skip them as binary')
            [CompletionResult]::new('--no-inline-allow', '--no-inline-allow', [CompletionResultType]::ParameterName, 'Ignore inline allow comments (for audits)')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore .stanch.toml')
            [CompletionResult]::new('--report-unused', '--report-unused', [CompletionResultType]::ParameterName, 'List baseline and allowlist entries that matched nothing (the exit status is unchanged)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'stanch;baseline;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Scan and record every current finding in a new baseline')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Scan again: add new findings, drop entries that match nothing, keep audit states')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'List entries with their audit state, or set states')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Convert another tool''s baseline (merged into an existing one)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'stanch;baseline;help;create' {
            break
        }
        'stanch;baseline;help;update' {
            break
        }
        'stanch;baseline;help;audit' {
            break
        }
        'stanch;baseline;help;import' {
            break
        }
        'stanch;baseline;help;help' {
            break
        }
        'stanch;rules' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Listing format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Listing format')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'List the rules as this config file sets them (default: `.stanch.toml` here)')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'List only the built-in rules')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate rule files as the test suite does (examples, negatives, regexes, keywords)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'stanch;rules;check' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'stanch;rules;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate rule files as the test suite does (examples, negatives, regexes, keywords)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'stanch;rules;help;check' {
            break
        }
        'stanch;rules;help;help' {
            break
        }
        'stanch;install-hook' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The repository (default: the one containing the current directory)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing pre-commit hook that stanch did not write')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'stanch;completions' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'stanch;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write stanch.1 and a page for each subcommand (stanch-scan.1, …) into this directory instead')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'stanch;help' {
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Scan files and directories (`-` for stdin)')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Check a repository against the secret-handling practices (ignored .env files, no secrets in logs, errors, defaults, CI or containers…), then scan it for secrets')
            [CompletionResult]::new('staged', 'staged', [CompletionResultType]::ParameterValue, 'Scan what the next commit adds (the index against HEAD): the pre-commit check')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Scan git history: every blob each commit introduced, each distinct blob once')
            [CompletionResult]::new('baseline', 'baseline', [CompletionResultType]::ParameterValue, 'Record known findings so that later scans report only new ones')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'List the rules, or check rule files')
            [CompletionResult]::new('install-hook', 'install-hook', [CompletionResultType]::ParameterValue, 'Write a plain .git/hooks/pre-commit that runs `stanch staged`')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script, e.g. `stanch completions bash > /etc/bash_completion.d/stanch`')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), e.g. `stanch man > stanch.1`; `--dir` writes a page per command')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'stanch;help;scan' {
            break
        }
        'stanch;help;audit' {
            break
        }
        'stanch;help;staged' {
            break
        }
        'stanch;help;history' {
            break
        }
        'stanch;help;baseline' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Scan and record every current finding in a new baseline')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Scan again: add new findings, drop entries that match nothing, keep audit states')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'List entries with their audit state, or set states')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Convert another tool''s baseline (merged into an existing one)')
            break
        }
        'stanch;help;baseline;create' {
            break
        }
        'stanch;help;baseline;update' {
            break
        }
        'stanch;help;baseline;audit' {
            break
        }
        'stanch;help;baseline;import' {
            break
        }
        'stanch;help;rules' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate rule files as the test suite does (examples, negatives, regexes, keywords)')
            break
        }
        'stanch;help;rules;check' {
            break
        }
        'stanch;help;install-hook' {
            break
        }
        'stanch;help;completions' {
            break
        }
        'stanch;help;man' {
            break
        }
        'stanch;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
