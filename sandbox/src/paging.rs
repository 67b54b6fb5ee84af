//! Cursors: which style each endpoint pages with, read from the parameters
//! the catalogue declares, and how a page's position is written and read.
//!
//! Every list ends: the last page says there is no more and carries no truthy
//! `nextCursor`, because the official SDKs follow a truthy `nextCursor` even
//! when `hasMore` is false. Only the live chat is endless.

use serde_json::{json, Map, Value as Json};
use tikapi_core::{Endpoint, ParamType};

use crate::input::Input;
use crate::world::{b64_decode, b64_encode, NOW};

/// The time the string cursors count back from, in milliseconds.
const EPOCH_MS: u64 = NOW * 1000;
/// Notifications are this many seconds apart.
pub const NOTICE_STEP: u64 = 3_600;

/// How an endpoint pages, from the cursor parameter it declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `cursor` in and out; a number (comments) or a string of digits (posts).
    Cursor { number: bool },
    /// `offset` in and out (discover, live list).
    Offset,
    /// `nextCursor` in and out: a number, a string of digits, or an opaque token.
    NextCursor { number: bool, digits: bool },
    /// `min_time` / `max_time` (notifications).
    Times,
    /// No cursor: one page only.
    None,
}

impl Style {
    pub fn of(ep: &Endpoint) -> Style {
        if ep.declares("min_time") || ep.declares("max_time") {
            return Style::Times;
        }
        if let Some(p) = ep.param("cursor") {
            return Style::Cursor {
                number: p.ty == ParamType::Number,
            };
        }
        if ep.declares("offset") {
            return Style::Offset;
        }
        if let Some(p) = ep.param("nextCursor") {
            return Style::NextCursor {
                number: p.ty == ParamType::Number,
                digits: p
                    .validate
                    .as_ref()
                    .is_some_and(|r| r.as_str() == "^[0-9]+$"),
            };
        }
        Style::None
    }
}

/// One page of a list.
#[derive(Debug, Clone, Copy)]
pub struct Window {
    pub start: u64,
    pub end: u64,
    pub total: u64,
}

impl Window {
    pub fn new(start: u64, count: u64, total: u64) -> Window {
        let start = start.min(total);
        Window {
            start,
            end: (start + count).min(total),
            total,
        }
    }

    pub fn more(&self) -> bool {
        self.end < self.total
    }

    pub fn range(&self) -> std::ops::Range<u64> {
        self.start..self.end
    }
}

/// The page size a call asked for: `count` (at most 30), else `limit`, else `fallback`.
pub fn page_size(input: &Input, fallback: u64) -> u64 {
    let asked = input.int("count").or_else(|| input.int("limit"));
    match asked {
        Some(n) if n > 0 => (n as u64).min(30),
        _ => fallback,
    }
}

/// Where the page a call asks for starts.
pub fn start(style: Style, input: &Input) -> u64 {
    match style {
        Style::Cursor { .. } => input.text("cursor").map_or(0, |c| decode_digits(&c)),
        Style::Offset => input.int("offset").map_or(0, |n| n.max(0) as u64),
        Style::NextCursor { .. } => input.text("nextCursor").map_or(0, |c| decode_token(&c)),
        Style::Times => match input.int("max_time") {
            Some(m) if m > 0 && (m as u64) <= NOW => (NOW - m as u64) / NOTICE_STEP,
            _ => 0,
        },
        Style::None => 0,
    }
}

/// Write the page's cursor fields into a body. `snake` picks `has_more: 0/1`
/// over `hasMore: bool`.
pub fn write(style: Style, w: &Window, snake: bool, body: &mut Map<String, Json>) {
    let more = w.more();
    let flag = if snake {
        json!(u8::from(more))
    } else {
        json!(more)
    };
    let flag_name = if snake { "has_more" } else { "hasMore" };
    match style {
        Style::Cursor { number } => {
            let cursor = if number {
                json!(w.end)
            } else {
                json!(encode_digits(w.end))
            };
            body.insert("cursor".into(), cursor);
            body.insert(flag_name.into(), flag);
        }
        Style::Offset => {
            body.insert("offset".into(), json!(w.end));
            body.insert(flag_name.into(), flag);
        }
        Style::NextCursor { number, digits } => {
            // The last page carries no nextCursor at all: the official SDKs
            // would follow any truthy one.
            if more {
                let cursor = if number {
                    json!(w.end)
                } else if digits {
                    json!(encode_digits(w.end))
                } else {
                    json!(encode_token(w.end))
                };
                body.insert("nextCursor".into(), cursor);
            }
            body.insert(flag_name.into(), flag);
        }
        Style::Times => {}
        Style::None => {
            body.insert(flag_name.into(), flag);
        }
    }
}

/// A cursor of digits that looks like TikTok's millisecond timestamps.
pub fn encode_digits(offset: u64) -> String {
    (EPOCH_MS - offset * 1000).to_string()
}

/// Read a digits cursor: our timestamps, or a plain offset.
pub fn decode_digits(text: &str) -> u64 {
    let Ok(v) = text.trim().parse::<u64>() else {
        return 0;
    };
    if (1_000_000_000_000..=EPOCH_MS).contains(&v) {
        (EPOCH_MS - v) / 1000
    } else if v > EPOCH_MS {
        0
    } else {
        v
    }
}

/// An opaque token like TikTok's search cursors.
pub fn encode_token(offset: u64) -> String {
    b64_encode(format!("offset:{offset}---split_cursor---{EPOCH_MS}").as_bytes())
}

/// Read a token cursor (or digits, for callers that send a plain offset).
pub fn decode_token(text: &str) -> u64 {
    if text.bytes().all(|b| b.is_ascii_digit()) {
        return decode_digits(text);
    }
    b64_decode(text)
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| {
            let rest = s.strip_prefix("offset:")?;
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip() {
        for n in [0, 1, 30, 149, 150] {
            assert_eq!(decode_digits(&encode_digits(n)), n);
            assert_eq!(decode_token(&encode_token(n)), n);
        }
        assert_eq!(decode_digits("30"), 30);
        assert_eq!(decode_token("garbage!"), 0);
    }
}
