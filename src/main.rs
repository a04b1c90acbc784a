//! The `stanch` binary: parse arguments, run, map the outcome to an exit code
//! (0 clean, 1 findings, 2 error). The only place that prints errors.
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match stanch::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match stanch::app::run(cli) {
        Ok(outcome) => {
            for e in &outcome.errors {
                eprintln!("stanch: {}", printable(&e.to_string()));
            }
            ExitCode::from(outcome.code as u8)
        }
        Err(e) => {
            eprintln!("stanch: error: {}", printable(&e.to_string()));
            ExitCode::from(2)
        }
    }
}

/// An error's text with control characters escaped: it names files, whose
/// names are attacker-chosen in a scanned tree, and an escape sequence in
/// one must not reach the terminal.
fn printable(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' | '\t' => c.to_string(),
            c if c.is_control() => c.escape_default().to_string(),
            c => c.to_string(),
        })
        .collect()
}
