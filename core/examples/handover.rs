//! How much the hand-over between a caller's thread and the runtime costs a
//! blocking call: the same sequential reqwest calls made three ways.
//!
//! usage: handover URL N
//!   task    the whole loop is one task on a multi-thread runtime (no hand-over)
//!   spawn   each call spawned on a multi-thread runtime and waited for from
//!           this thread (two hand-overs per call: what a blocking binding does)
//!   local   each call run by block_on on a current-thread runtime owned by
//!           this thread (no other thread involved)
//! Prints one JSON line per way: {"way", "calls", "per_sec", "cpu_ms_per_call"}.

use std::time::Instant;

fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let f: Vec<&str> = after.split_whitespace().collect();
    let t = |i: usize| f.get(i).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0);
    (t(11) + t(12)) / 100.0
}

async fn one(client: reqwest::Client, url: String) {
    let r = client
        .get(&url)
        .header("X-API-KEY", tikapi_core::catalogue::SANDBOX_API_KEY)
        .send()
        .await
        .expect("an answer");
    let body = r.bytes().await.expect("a body");
    let json: serde_json::Value = serde_json::from_slice(&body).expect("JSON");
    assert!(json.is_object());
}

fn report(way: &str, n: usize, run: impl Fn(usize)) {
    run(20);
    let (c0, t0) = (cpu_seconds(), Instant::now());
    run(n);
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "{{\"way\": \"{way}\", \"calls\": {n}, \"per_sec\": {:.1}, \"cpu_ms_per_call\": {:.3}}}",
        n as f64 / secs,
        (cpu_seconds() - c0) * 1000.0 / n as f64
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [url, n] = args.as_slice() else {
        eprintln!("usage: handover URL N");
        std::process::exit(2);
    };
    let n: usize = n.parse().expect("N is a whole number");
    let multi = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .worker_threads(2)
        .build()
        .expect("a runtime");
    let client = reqwest::Client::builder()
        .tcp_nodelay(true)
        .build()
        .expect("a client");
    report("task", n, |count| {
        let (client, url) = (client.clone(), url.clone());
        multi
            .block_on(multi.spawn(async move {
                for _ in 0..count {
                    one(client.clone(), url.clone()).await;
                }
            }))
            .expect("the loop");
    });
    let client = reqwest::Client::builder()
        .tcp_nodelay(true)
        .build()
        .expect("a client");
    report("spawn", n, |count| {
        for _ in 0..count {
            multi
                .block_on(multi.spawn(one(client.clone(), url.clone())))
                .expect("the call");
        }
    });
    let local = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let client = reqwest::Client::builder()
        .tcp_nodelay(true)
        .build()
        .expect("a client");
    report("local", n, |count| {
        for _ in 0..count {
            local.block_on(one(client.clone(), url.clone()));
        }
    });
}
