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
                eprintln!("stanch: {e}");
            }
            ExitCode::from(outcome.code as u8)
        }
        Err(e) => {
            eprintln!("stanch: error: {e}");
            ExitCode::from(2)
        }
    }
}
