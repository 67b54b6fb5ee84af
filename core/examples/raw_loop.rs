//! The ceiling for the benchmarks: plain reqwest on one pooled client, with
//! no SDK in between, sending the same requests the SDKs send.
//!
//! usage: raw_loop URL N CONCURRENCY
//! (URL is a full request URL, e.g. http://127.0.0.1:8710/public/check?username=lilyachty)
//! Prints one JSON line: {"calls", "concurrency", "seconds", "per_sec"}.

use std::time::Instant;

use futures_util::stream::{self, StreamExt};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [url, n, conc] = args.as_slice() else {
        eprintln!("usage: raw_loop URL N CONCURRENCY");
        std::process::exit(2);
    };
    let n: usize = n.parse().expect("N is a whole number");
    let conc: usize = conc.parse().expect("CONCURRENCY is a whole number");
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let client = reqwest::Client::builder()
        .tcp_nodelay(true)
        .build()
        .expect("a client");
    let key = tikapi_core::catalogue::SANDBOX_API_KEY;
    let one = move |client: reqwest::Client, url: String| async move {
        let r = client
            .get(&url)
            .header("X-API-KEY", key)
            .send()
            .await
            .expect("an answer");
        let body = r.bytes().await.expect("a body");
        let json: serde_json::Value = serde_json::from_slice(&body).expect("JSON");
        assert!(json.is_object());
    };
    // The loop runs as a task, with its connections on the same worker (as
    // tikapi_core::transport::run does): polled from the main thread, every
    // step of every exchange would cross threads.
    let batch = |count: usize| {
        let (client, url) = (client.clone(), url.clone());
        let all = stream::iter(0..count)
            .for_each_concurrent(conc, move |_| one(client.clone(), url.clone()));
        rt.block_on(rt.spawn(all)).expect("the loop finishes");
    };
    batch(conc.min(n)); // warm the pool
    let start = Instant::now();
    batch(n);
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{{\"calls\": {n}, \"concurrency\": {conc}, \"seconds\": {secs:.6}, \"per_sec\": {:.1}}}",
        n as f64 / secs
    );
}
