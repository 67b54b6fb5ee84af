//! Video files: deterministic bytes with a real MP4 header, served only to a
//! request that carries the `videoLinkHeaders` of the response that linked to
//! them, with `Range` support and streamed whatever their size.

use std::io;

use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde_json::{json, Value as Json};

use crate::world::{mix, World};

/// Largest file a `size` query may ask for (20 GiB).
const MAX_SIZE: u64 = 20 << 30;
/// Bytes generated per body chunk.
const CHUNK: u64 = 64 * 1024;

/// The cookie that unlocks the videos of the response `rid`.
pub fn token(world: &World, rid: &str) -> String {
    format!("{:016x}", world.h(&["video-token", rid]))
}

/// The response's `$other.videoLinkHeaders`.
pub fn link_headers(world: &World, rid: &str) -> Json {
    json!({
        "Cookie": format!("tt_chain_token={}", token(world, rid)),
        "Referer": "https://www.tiktok.com/",
        "Origin": "https://www.tiktok.com",
    })
}

/// One generated file: an `ftyp` box, then an `mdat` box of seeded bytes.
#[derive(Clone, Copy)]
pub struct Clip {
    seed: u64,
    pub len: u64,
}

impl Clip {
    pub fn new(seed: u64, len: u64) -> Clip {
        Clip { seed, len }
    }

    fn header(&self) -> Vec<u8> {
        let mut h = Vec::with_capacity(48);
        h.extend_from_slice(&32u32.to_be_bytes());
        h.extend_from_slice(b"ftypisom");
        h.extend_from_slice(&0x200u32.to_be_bytes());
        h.extend_from_slice(b"isomiso2avc1mp41");
        let rest = self.len.saturating_sub(32);
        if rest <= u64::from(u32::MAX) {
            h.extend_from_slice(&(rest as u32).to_be_bytes());
            h.extend_from_slice(b"mdat");
        } else {
            h.extend_from_slice(&1u32.to_be_bytes());
            h.extend_from_slice(b"mdat");
            h.extend_from_slice(&rest.to_be_bytes());
        }
        h
    }

    /// The bytes from `offset` on, into `buf`.
    pub fn fill(&self, offset: u64, buf: &mut [u8]) {
        let header = self.header();
        let mut pos = offset;
        let mut i = 0;
        while i < buf.len() && (pos as usize) < header.len() {
            buf[i] = header[pos as usize];
            i += 1;
            pos += 1;
        }
        while i < buf.len() {
            let block = mix(self.seed ^ (pos / 8)).to_le_bytes();
            let from = (pos % 8) as usize;
            let n = (8 - from).min(buf.len() - i);
            buf[i..i + n].copy_from_slice(&block[from..from + n]);
            i += n;
            pos += n as u64;
        }
    }

    /// The bytes `start..end` as a stream of chunks.
    pub fn body(self, start: u64, end: u64) -> Body {
        let stream = futures_util::stream::unfold(start, move |pos| async move {
            if pos >= end {
                return None;
            }
            let n = CHUNK.min(end - pos);
            let mut buf = vec![0u8; n as usize];
            self.fill(pos, &mut buf);
            Some((Ok::<Bytes, io::Error>(Bytes::from(buf)), pos + n))
        });
        Body::from_stream(stream)
    }
}

/// Answer a video request.
pub fn serve(
    world: &World,
    rid: &str,
    id: &str,
    headers: &HeaderMap,
    query: &[(String, String)],
) -> Response {
    if !has_token(headers, &token(world, rid)) {
        return (
            StatusCode::FORBIDDEN,
            axum::Json(json!({
                "status": "error",
                "message": "Access denied: send the videoLinkHeaders of the response this link came from.",
            })),
        )
            .into_response();
    }
    let size = query
        .iter()
        .rev()
        .find(|(k, _)| k == "size")
        .and_then(|(_, v)| v.parse::<u64>().ok())
        .map(|n| n.min(MAX_SIZE))
        .unwrap_or_else(|| 200_000 + world.h(&["video-size", id]) % 300_000);
    let clip = Clip::new(world.h(&["video-bytes", id]), size);
    file_response(clip, headers, "video/mp4")
}

/// A whole file or the range asked for.
pub fn file_response(clip: Clip, headers: &HeaderMap, content_type: &'static str) -> Response {
    let len = clip.len;
    let range = headers
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok())
        .map(|r| parse_range(r, len));
    let mut builder = Response::builder()
        .header(header::CONTENT_TYPE, content_type)
        .header(header::ACCEPT_RANGES, "bytes");
    match range {
        Some(Range::Unsatisfiable) => builder
            .status(StatusCode::RANGE_NOT_SATISFIABLE)
            .header(header::CONTENT_RANGE, format!("bytes */{len}"))
            .body(Body::empty())
            .unwrap_or_default(),
        Some(Range::Bytes(start, end)) => builder
            .status(StatusCode::PARTIAL_CONTENT)
            .header(
                header::CONTENT_RANGE,
                format!("bytes {start}-{}/{len}", end - 1),
            )
            .header(header::CONTENT_LENGTH, end - start)
            .body(clip.body(start, end))
            .unwrap_or_default(),
        Some(Range::Ignored) | None => {
            builder = builder.header(header::CONTENT_LENGTH, HeaderValue::from(len));
            builder
                .status(StatusCode::OK)
                .body(clip.body(0, len))
                .unwrap_or_default()
        }
    }
}

fn has_token(headers: &HeaderMap, token: &str) -> bool {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .any(|(k, v)| k.trim() == "tt_chain_token" && v.trim() == token)
}

#[derive(Debug, PartialEq, Eq)]
enum Range {
    /// `start..end`, end exclusive.
    Bytes(u64, u64),
    Unsatisfiable,
    /// Several ranges, or not a byte range: the whole file is sent.
    Ignored,
}

fn parse_range(text: &str, len: u64) -> Range {
    let Some(spec) = text.trim().strip_prefix("bytes=") else {
        return Range::Ignored;
    };
    if spec.contains(',') {
        return Range::Ignored;
    }
    let Some((a, b)) = spec.trim().split_once('-') else {
        return Range::Ignored;
    };
    let (a, b) = (a.trim(), b.trim());
    let parsed = match (a.is_empty(), b.is_empty()) {
        (true, true) => return Range::Ignored,
        // The last `b` bytes.
        (true, false) => match b.parse::<u64>() {
            Ok(0) => return Range::Unsatisfiable,
            Ok(n) => Some((len.saturating_sub(n), len)),
            Err(_) => return Range::Ignored,
        },
        (false, _) => {
            let Ok(start) = a.parse::<u64>() else {
                return Range::Ignored;
            };
            let end = if b.is_empty() {
                len
            } else {
                match b.parse::<u64>() {
                    Ok(e) if e >= start => (e + 1).min(len),
                    _ => return Range::Ignored,
                }
            };
            Some((start, end))
        }
    };
    match parsed {
        Some((start, end)) if start < end => Range::Bytes(start, end),
        _ => Range::Unsatisfiable,
    }
}

/// A 1×1 PNG, for avatars and covers.
pub const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0,
    0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_parse() {
        assert_eq!(parse_range("bytes=0-99", 1000), Range::Bytes(0, 100));
        assert_eq!(parse_range("bytes=900-", 1000), Range::Bytes(900, 1000));
        assert_eq!(parse_range("bytes=-100", 1000), Range::Bytes(900, 1000));
        assert_eq!(parse_range("bytes=990-2000", 1000), Range::Bytes(990, 1000));
        assert_eq!(parse_range("bytes=1000-", 1000), Range::Unsatisfiable);
        assert_eq!(parse_range("bytes=0-1,5-6", 1000), Range::Ignored);
        assert_eq!(parse_range("items=0-1", 1000), Range::Ignored);
    }

    #[test]
    fn any_slice_matches_the_whole() {
        let clip = Clip::new(42, 5_000);
        let mut whole = vec![0u8; 5_000];
        clip.fill(0, &mut whole);
        assert_eq!(&whole[4..8], b"ftyp");
        assert_eq!(&whole[36..40], b"mdat");
        for (start, len) in [(0, 1), (3, 50), (37, 13), (1001, 999), (4_990, 10)] {
            let mut part = vec![0u8; len];
            clip.fill(start as u64, &mut part);
            assert_eq!(part, whole[start..start + len]);
        }
    }
}
