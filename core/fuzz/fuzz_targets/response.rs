//! Response parsing: any status, headers and body bytes; every accessor an
//! app or binding uses must answer without panicking.
#![no_main]

use std::time::Duration;

use bytes::Bytes;
use http::{HeaderMap, HeaderName, HeaderValue};
use libfuzzer_sys::fuzz_target;
use tikapi_core::{Dialect, Response};

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let status = u16::from_le_bytes([data[0], data[1]]) % 1000;
    let split = (data[2] as usize).min(data.len() - 3);
    let (head, body) = data[3..].split_at(split);
    let mut headers = HeaderMap::new();
    for line in head.split(|b| *b == b'\n') {
        let mut parts = line.splitn(2, |b| *b == b':');
        let (Some(k), Some(v)) = (parts.next(), parts.next()) else {
            continue;
        };
        if let (Ok(k), Ok(v)) = (HeaderName::from_bytes(k), HeaderValue::from_bytes(v)) {
            headers.append(k, v);
        }
    }
    let r = Response::new(
        status,
        headers,
        "http://127.0.0.1/x".into(),
        Duration::ZERO,
        Bytes::copy_from_slice(body),
    );
    let _ = r.json();
    let _ = r.text();
    let _ = r.message();
    let _ = r.error_message(Dialect::Python);
    let _ = r.error_kind();
    let _ = r.tiktok_code();
    let _ = r.tiktok_description();
    let _ = r.retry_after();
    let _ = r.video_link_headers();
    let _ = r.content_type();
    let _ = r.is_json();
    let _ = format!("{r:?}");
});
