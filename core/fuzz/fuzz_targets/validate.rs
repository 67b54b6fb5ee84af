//! Validation and request building: any JSON object as the arguments of any
//! endpoint, in every dialect, with and without the sandbox. Nothing may
//! panic; a request that is built must carry a well-formed URL.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value as Json;
use tikapi_core::{catalogue, Args, CallOptions, Client, Dialect, Value};

/// The URL is one an HTTP client accepts: no spaces or control characters.
fn reqwest_like_parse(url: &str) -> bool {
    http::Uri::try_from(url).is_ok()
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(Json::Object(obj)) = serde_json::from_slice::<Json>(rest) else {
        return;
    };
    let eps = &catalogue().endpoints;
    let ep = &eps[pick as usize % eps.len()];
    let mut args = Args::new();
    for (k, v) in &obj {
        args.set(k, Value::from(v));
    }
    for dialect in [Dialect::Js, Dialect::Python, Dialect::Rust] {
        let api = Client::with_dialect("Abcdefghij0123456789", dialect);
        for sandbox in [false, true] {
            let call = CallOptions::default().with_sandbox(sandbox);
            if let Ok(req) = api.prepare(&ep.key, &args, &call) {
                assert!(req.url.starts_with("http"), "{}", req.url);
                assert!(reqwest_like_parse(&req.url), "unparsable URL {}", req.url);
                let _ = req.body_bytes();
                let debug = format!("{req:?}");
                assert!(!debug.contains("Abcdefghij0123456789"), "key in Debug");
            }
        }
    }
});
