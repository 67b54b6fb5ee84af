//! What a fault is and how it is written: the `X-Sandbox-Fault` header's
//! grammar, shared by the header, scripted rules and cassettes. Applying a
//! fault is `crate::faults`'.

use std::time::Duration;

pub const HEADER: &str = "x-sandbox-fault";

/// The faults there are, for error messages.
pub const KNOWN: &str = "use slow, slow=MS, drop, reset, truncate, badjson, html502, hang, timeout, redirect, status=CODE[:SECONDS], rate_limit=SECONDS, tiktok=CODE, flaky=N:TOKEN or big=BYTES";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    Slow(Duration),
    Drop,
    Truncate,
    BadJson,
    Html502,
    Reset,
    Hang,
    Redirect,
    Status { code: u16, retry_after: Option<u64> },
    RateLimit(u64),
    TikTok(i64),
    Flaky { times: u32, token: String },
    Big(usize),
}

/// Largest padding `big=` may ask for (64 MiB).
const MAX_PADDING: usize = 64 << 20;

impl Fault {
    /// Parse the header's value; `Err` names an unknown fault.
    pub fn parse(text: &str) -> Result<Fault, String> {
        let text = text.trim().to_ascii_lowercase();
        let (name, arg) = match text.split_once('=') {
            Some((n, a)) => (n.trim().to_owned(), Some(a.trim().to_owned())),
            None => (text.clone(), None),
        };
        Ok(match name.as_str() {
            "slow" => Fault::Slow(Duration::from_millis(
                arg.and_then(|a| a.parse().ok())
                    .unwrap_or(2_000)
                    .min(600_000),
            )),
            "drop" => Fault::Drop,
            "truncate" => Fault::Truncate,
            "badjson" => Fault::BadJson,
            "html502" => Fault::Html502,
            "reset" => Fault::Reset,
            "hang" | "timeout" => Fault::Hang,
            "redirect" => Fault::Redirect,
            "status" => {
                let arg = arg.ok_or_else(|| text.clone())?;
                let (code, after) = match arg.split_once(':') {
                    Some((c, a)) => (c, Some(a.parse().map_err(|_| text.clone())?)),
                    None => (arg.as_str(), None),
                };
                let code: u16 = code.parse().map_err(|_| text.clone())?;
                if !(200..=599).contains(&code) {
                    return Err(text);
                }
                Fault::Status {
                    code,
                    retry_after: after,
                }
            }
            "rate_limit" | "ratelimit" => Fault::RateLimit(
                arg.and_then(|a| a.parse().ok())
                    .ok_or_else(|| text.clone())?,
            ),
            "tiktok" => Fault::TikTok(
                arg.and_then(|a| a.parse().ok())
                    .ok_or_else(|| text.clone())?,
            ),
            "flaky" => {
                let arg = arg.ok_or_else(|| text.clone())?;
                let (times, token) = arg.split_once(':').unwrap_or((arg.as_str(), ""));
                Fault::Flaky {
                    times: times.parse().map_err(|_| text.clone())?,
                    token: token.to_owned(),
                }
            }
            "big" => Fault::Big(
                arg.and_then(|a| a.parse::<usize>().ok())
                    .ok_or_else(|| text.clone())?
                    .min(MAX_PADDING),
            ),
            _ => return Err(text),
        })
    }
}
