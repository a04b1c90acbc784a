//! The progress bar of long scans (history), on stderr and only on a terminal.
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// A progress bar on stderr for long scans, drawn only on a terminal.
pub(crate) struct Progress {
    bar: Option<indicatif::ProgressBar>,
    bytes: AtomicU64,
    findings: AtomicU64,
}

impl Progress {
    pub fn new(tty: bool) -> Self {
        let bar = tty.then(|| {
            let b = indicatif::ProgressBar::with_draw_target(
                None,
                indicatif::ProgressDrawTarget::stderr_with_hz(8),
            );
            b.set_style(
                indicatif::ProgressStyle::with_template("{spinner} walking history: {pos} commits")
                    .expect("valid template"),
            );
            b.enable_steady_tick(Duration::from_millis(125));
            b
        });
        Progress {
            bar,
            bytes: AtomicU64::new(0),
            findings: AtomicU64::new(0),
        }
    }

    pub fn commits(&self, n: u64) {
        if let Some(b) = &self.bar {
            b.set_position(n);
        }
    }

    pub fn scanning(&self, blobs: u64) {
        if let Some(b) = &self.bar {
            b.set_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:30} {pos}/{len} blobs · {msg} · {elapsed}",
                )
                .expect("valid template"),
            );
            b.set_length(blobs);
            b.set_position(0);
            b.reset_elapsed();
        }
    }

    pub fn blob(&self, bytes: u64) {
        let total = self.bytes.fetch_add(bytes, Ordering::Relaxed) + bytes;
        if let Some(b) = &self.bar {
            b.inc(1);
            let secs = b.elapsed().as_secs_f64().max(0.001);
            b.set_message(format!(
                "{:.0} MB/s · {} occurrences so far",
                total as f64 / secs / 1e6,
                self.findings.load(Ordering::Relaxed)
            ));
        }
    }

    pub fn found(&self, n: usize) {
        self.findings.fetch_add(n as u64, Ordering::Relaxed);
    }

    pub fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
