//! What goes to stdout and the progress lines on stderr.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};
use tikapi_core::Response;

use crate::Outcome;

/// The body: pretty JSON on a terminal, compact JSON when piped, the raw
/// text when it is not JSON.
pub(crate) fn print_body(r: &Response) -> Outcome {
    let text = match r.json() {
        Some(j) if std::io::stdout().is_terminal() => {
            serde_json::to_string_pretty(j).unwrap_or_default()
        }
        Some(j) => serde_json::to_string(j).unwrap_or_default(),
        None => r.text().into_owned(),
    };
    crate::out(format!("{text}\n").as_bytes())
}

/// A progress line on stderr, or nothing when it is not a terminal.
pub(crate) fn bar(show: bool, total: Option<u64>, template: &str) -> ProgressBar {
    if !show {
        return ProgressBar::hidden();
    }
    let bar = match total {
        Some(n) => ProgressBar::new(n),
        None => ProgressBar::new_spinner(),
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}
