//! The next-page rule over any JSON body, for every endpoint and dialect.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value as Json;
use tikapi_core::{catalogue, cursor::next_args, Args, Dialect};

fuzz_target!(|data: &[u8]| {
    let Ok(body) = serde_json::from_slice::<Json>(data) else {
        return;
    };
    for ep in &catalogue().endpoints {
        for dialect in [Dialect::Js, Dialect::Python, Dialect::Rust] {
            let _ = next_args(ep, &Args::new(), &body, dialect);
        }
    }
});
