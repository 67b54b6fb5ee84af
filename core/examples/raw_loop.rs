//! The ceiling for the benchmarks: plain reqwest on one pooled client, with
//! no SDK in between, sending the same requests the SDKs send.
//!
//! usage: raw_loop URL N CONCURRENCY
//! With RAW_LOOP_RUNTIME=current the loop runs on a current-thread runtime
//! (one thread does everything, as a blocking call on a thread's own runtime
//! does); by default on a multi-thread runtime (two workers here).
//! (URL is a full request URL, e.g. http://127.0.0.1:8710/public/check?username=lilyachty)
//! Prints one JSON line: {"calls", "concurrency", "seconds", "per_sec",
//! "cpu_ms_per_call"} (CPU: user + system of the whole process, all threads,
//! during the timed batch). Certificates are verified against the platform's
//! roots; `SSL_CERT_FILE=sandbox/tls/ca.pem` trusts `tikapi-sandbox --tls`.

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
    let mut builder = if std::env::var("RAW_LOOP_RUNTIME").is_ok_and(|v| v == "current") {
        tokio::runtime::Builder::new_current_thread()
    } else {
        tokio::runtime::Builder::new_multi_thread()
    };
    let rt = builder.enable_all().build().expect("a runtime");
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
    // The loop runs as a task, with its connections on the same worker:
    // polled from the main thread, every step of every exchange would cross
    // threads.
    let batch = |count: usize| {
        let (client, url) = (client.clone(), url.clone());
        let all = stream::iter(0..count)
            .for_each_concurrent(conc, move |_| one(client.clone(), url.clone()));
        rt.block_on(rt.spawn(all)).expect("the loop finishes");
    };
    batch(conc.min(n)); // warm the pool
    let cpu0 = cpu_seconds();
    let start = Instant::now();
    batch(n);
    let secs = start.elapsed().as_secs_f64();
    let cpu_ms = (cpu_seconds() - cpu0) * 1000.0 / n as f64;
    println!(
        "{{\"calls\": {n}, \"concurrency\": {conc}, \"seconds\": {secs:.6}, \"per_sec\": {:.1}, \"cpu_ms_per_call\": {cpu_ms:.3}}}",
        n as f64 / secs
    );
}

/// User + system CPU time of this process so far, from /proc/self/stat
/// (fields 14 and 15, in USER_HZ = 100 ticks a second on Linux); 0 elsewhere.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // The command name (field 2) is in parentheses and may hold spaces.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // After ")": field 3 (state) is index 0, so utime (14) is 11, stime (15) 12.
    (ticks(11) + ticks(12)) / 100.0
}
