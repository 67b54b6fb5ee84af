//! The Rust SDK's own throughput, for comparison with `raw_loop`: the same
//! calls through `tikapi_core::Client` (resolution, validation, request
//! building, the shared runtime), blocking from a plain thread as the
//! bindings' synchronous calls do, or concurrently on the runtime.
//!
//! usage: core_loop BASE_URL N CONCURRENCY
//! Prints one JSON line: {"calls", "concurrency", "seconds", "per_sec"}.

use std::time::Instant;

use futures_util::stream::{self, StreamExt};
use tikapi_core::runtime::run;
use tikapi_core::{args, Args, Client, Options};

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let [base, n, conc] = argv.as_slice() else {
        eprintln!("usage: core_loop BASE_URL N CONCURRENCY");
        std::process::exit(2);
    };
    let n: usize = n.parse().expect("N is a whole number");
    let conc: usize = conc.parse().expect("CONCURRENCY is a whole number");
    let api = Client::new(tikapi_core::catalogue::SANDBOX_API_KEY);
    let o = Options::default().with_base(base.clone());
    api.set(&Args::new(), None, Some(&o));
    let one = |api: Client| async move {
        let r = api
            .call("public.check", args! { "username" => "lilyachty" })
            .await
            .expect("an answer");
        assert!(r.json().is_some());
    };
    let run = |count: usize| {
        if conc == 1 {
            // One blocking call after another, as a synchronous binding does.
            for _ in 0..count {
                run(one(api.clone()));
            }
        } else {
            let api = api.clone();
            run(stream::iter(0..count).for_each_concurrent(conc, move |_| one(api.clone())));
        }
    };
    run(conc.min(n));
    let start = Instant::now();
    run(n);
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{{\"calls\": {n}, \"concurrency\": {conc}, \"seconds\": {secs:.6}, \"per_sec\": {:.1}}}",
        n as f64 / secs
    );
}
