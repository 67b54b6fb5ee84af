//! The option `rate_limit`: an in-flight cap and a rate, in this process
//! and shared through a real Redis by several processes; a 429's
//! `Retry-After` pausing everyone; no key stored in Redis.
//!
//! The Redis tests start `redis-server` (Debian's package; `.ci/run`
//! installs it) on a loopback port. Without it they say so and pass, unless
//! `CI` is set, where a missing server fails them.
//!
//! No assertion depends on the machine being fast: the limits are checked
//! as "never more than" (in flight) and "never sooner than" (rate).

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tikapi_core::limit::RateLimit;
use tikapi_core::runtime::block_on;
use tikapi_core::{args, Args, Client, Dialect, Error, Options, Value};

const KEY: &str = "Zyxwvutsrq9876543210";
const ACCOUNT: &str = "AccountKey5555444433332222";

/// A loopback server that answers every request after holding it a moment,
/// counting the most requests it held at once; `first` answers go first.
struct Held {
    url: String,
    served: Arc<AtomicUsize>,
    most: Arc<AtomicUsize>,
}

fn held_server(hold: Duration, first: Vec<&'static str>) -> Held {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let served = Arc::new(AtomicUsize::new(0));
    let most = Arc::new(AtomicUsize::new(0));
    let now = Arc::new(AtomicUsize::new(0));
    let first = Arc::new(Mutex::new(first));
    let (s2, m2) = (served.clone(), most.clone());
    std::thread::spawn(move || {
        for sock in listener.incoming() {
            let Ok(mut sock) = sock else { return };
            let (served, most, now, first) = (s2.clone(), m2.clone(), now.clone(), first.clone());
            std::thread::spawn(move || {
                let mut buf = Vec::new();
                let mut chunk = [0u8; 4096];
                while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
                    match sock.read(&mut chunk) {
                        Ok(0) | Err(_) => return,
                        Ok(n) => buf.extend_from_slice(&chunk[..n]),
                    }
                }
                let inside = now.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(inside, Ordering::SeqCst);
                std::thread::sleep(hold);
                now.fetch_sub(1, Ordering::SeqCst);
                served.fetch_add(1, Ordering::SeqCst);
                let scripted = {
                    let mut f = first.lock().unwrap();
                    (!f.is_empty()).then(|| f.remove(0))
                };
                let answer = scripted.unwrap_or(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 35\r\n\
                     connection: close\r\n\r\n{\"status\":\"success\",\"statusCode\":0}",
                );
                let _ = sock.write_all(answer.as_bytes());
            });
        }
    });
    Held { url, served, most }
}

fn client(base: &str, limit: RateLimit) -> Client {
    let api = Client::with_dialect(KEY, Dialect::Js);
    let o = Options::default()
        .with_base(base.into())
        .with_sandbox_base(base.into())
        .with_rate_limit(limit);
    api.set(&Args::new(), None, Some(&o));
    api
}

/// `n` calls at once; every one must succeed.
fn calls_at_once(api: &Client, n: usize) {
    let user = api.scope(args! {"accountKey" => ACCOUNT});
    let all = (0..n).map(|i| {
        let user = user.clone();
        async move {
            let r = if i % 2 == 0 {
                user.call("user.info", Args::new()).await
            } else {
                user.call("public.check", args! {"username" => "lilyachty"})
                    .await
            };
            r.map(|r| r.status)
        }
    });
    let answers = block_on(futures_util::future::join_all(all));
    for a in answers {
        assert_eq!(a.unwrap(), 200);
    }
}

#[test]
fn in_flight_is_capped_in_this_process() {
    let s = held_server(Duration::from_millis(50), vec![]);
    let name = format!("flight-{}", std::process::id());
    let api = client(
        &s.url,
        RateLimit::per_second(1000.0)
            .with_burst(1000)
            .with_max_in_flight(2)
            .with_name(name),
    );
    calls_at_once(&api, 8);
    assert_eq!(s.served.load(Ordering::SeqCst), 8);
    let most = s.most.load(Ordering::SeqCst);
    assert!(
        (1..=2).contains(&most),
        "{most} requests were in flight at once"
    );
}

#[test]
fn the_rate_holds_in_this_process() {
    let s = held_server(Duration::ZERO, vec![]);
    // 12 requests at 20/s from a bucket of 2: the last cannot go before
    // (12 - 2) / 20 = 0.5 s.
    let api = client(
        &s.url,
        RateLimit::per_second(20.0)
            .with_burst(2)
            .with_name("rate-local"),
    );
    let started = Instant::now();
    calls_at_once(&api, 12);
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(490),
        "12 requests took only {took:?}"
    );
}

#[test]
fn bad_settings_are_named() {
    let parse = |v: Value, d: Dialect| {
        tikapi_core::settings::parse(&v, d, tikapi_core::settings::Source::Call)
    };
    let obj = |entries: Vec<(&str, Value)>| {
        Value::Object(
            entries
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect(),
        )
    };
    let msg = |r: Result<Options, Error>| r.unwrap_err().to_string();
    let py = |inner: Value| parse(obj(vec![("rate_limit", inner)]), Dialect::Python);
    let js = |inner: Value| parse(obj(vec![("rateLimit", inner)]), Dialect::Js);

    let m = msg(py(obj(vec![("rate", Value::Int(0))])));
    assert!(
        m.contains(
            r#"__options__["rate_limit"]["rate"] must be a number of requests per second > 0"#
        ),
        "{m}"
    );
    let m = msg(js(obj(vec![("maxInflight", Value::Int(2))])));
    assert!(
        m.contains(r#"Unknown $options.rateLimit key "maxInflight" (did you mean "maxInFlight"?)"#),
        "{m}"
    );
    let m = msg(py(obj(vec![("burst", Value::Int(3))])));
    assert!(m.contains(r#"must set "rate" or "max_in_flight""#), "{m}");
    let m = msg(js(Value::Int(5)));
    assert!(
        m.contains(
            "$options.rateLimit must be an object with rate, burst, maxInFlight, redis, name"
        ),
        "{m}"
    );
    let m = msg(js(obj(vec![
        ("rate", Value::Int(5)),
        ("name", Value::Str("a b".into())),
    ])));
    assert!(
        m.contains("$options.rateLimit.name must be a name of 1 to 64"),
        "{m}"
    );

    let ok = js(obj(vec![
        ("rate", Value::Float(2.5)),
        ("maxInFlight", Value::Int(4)),
    ]))
    .unwrap();
    let limit = ok.rate_limit.unwrap();
    assert_eq!(
        (limit.rate, limit.burst, limit.max_in_flight),
        (Some(2.5), 3, Some(4))
    );
    assert_eq!(limit.name, "default");

    // A bad Redis URL is refused when first used, without echoing it.
    let s = held_server(Duration::ZERO, vec![]);
    let api = client(
        &s.url,
        RateLimit::per_second(5.0).with_redis("http://:hunter2@localhost"),
    );
    let e = block_on(api.call("public.check", args! {"username" => "lilyachty"})).unwrap_err();
    let m = e.to_string();
    assert!(
        m.contains("`redis` must be a redis:// URL") && !m.contains("hunter2"),
        "{m}"
    );
}

// ---- shared through Redis, by several processes ----

struct Redis {
    child: Child,
    url: String,
    _dir: tempfile::TempDir,
}

impl Drop for Redis {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Redis {
    fn start() -> Option<Redis> {
        if Command::new("redis-server")
            .arg("--version")
            .output()
            .is_err()
        {
            assert!(
                std::env::var_os("CI").is_none(),
                "redis-server is not installed (CI must install Debian's redis-server)"
            );
            eprintln!("redis-server is not installed: the shared limiter tests are skipped");
            return None;
        }
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let dir = tempfile::tempdir().unwrap();
        let child = Command::new("redis-server")
            .args([
                "--bind",
                "127.0.0.1",
                "--port",
                &port.to_string(),
                "--save",
                "",
                "--appendonly",
                "no",
            ])
            .arg("--dir")
            .arg(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let redis = Redis {
            child,
            url: format!("redis://127.0.0.1:{port}/0"),
            _dir: dir,
        };
        for _ in 0..500 {
            if redis.command(&["PING"]).is_some() {
                return Some(redis);
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("redis-server did not answer on port {port}");
    }

    fn port(&self) -> u16 {
        self.url
            .rsplit(':')
            .next()
            .unwrap()
            .split('/')
            .next()
            .unwrap()
            .parse()
            .unwrap()
    }

    /// One command through redis-cli's protocol, here spoken by hand: the
    /// reply's raw text.
    fn command(&self, args: &[&str]) -> Option<String> {
        let mut sock = TcpStream::connect(("127.0.0.1", self.port())).ok()?;
        sock.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
        let mut out = format!("*{}\r\n", args.len());
        for a in args {
            out.push_str(&format!("${}\r\n{a}\r\n", a.len()));
        }
        sock.write_all(out.as_bytes()).ok()?;
        let mut buf = vec![0u8; 65536];
        let n = sock.read(&mut buf).ok()?;
        (n > 0).then(|| String::from_utf8_lossy(&buf[..n]).into_owned())
    }

    /// Every key and every value stored, as text.
    fn dump(&self) -> String {
        let keys = self.command(&["KEYS", "*"]).unwrap_or_default();
        let mut all = keys.clone();
        for key in keys.lines().filter(|l| !l.starts_with(['*', '$'])) {
            for cmd in [["HGETALL", key], ["ZRANGE", key], ["GET", key]] {
                let mut args: Vec<&str> = cmd.to_vec();
                if cmd[0] == "ZRANGE" {
                    args.extend(["0", "-1"]);
                }
                all.push_str(&self.command(&args).unwrap_or_default());
            }
        }
        all
    }
}

/// The settings every worker process uses.
fn shared(redis: &str, name: &str) -> RateLimit {
    RateLimit::per_second(20.0)
        .with_burst(1)
        .with_max_in_flight(2)
        .with_redis(redis)
        .with_name(name)
}

/// Run as a child process by `processes_share_one_budget`.
#[test]
#[ignore = "run by processes_share_one_budget as a worker process"]
fn limit_worker() {
    let (Ok(url), Ok(redis), Ok(name)) = (
        std::env::var("LIMIT_WORKER_URL"),
        std::env::var("LIMIT_WORKER_REDIS"),
        std::env::var("LIMIT_WORKER_NAME"),
    ) else {
        return;
    };
    calls_at_once(&client(&url, shared(&redis, &name)), 10);
}

#[test]
fn processes_share_one_budget() {
    let Some(redis) = Redis::start() else { return };
    let s = held_server(Duration::from_millis(20), vec![]);
    let name = "workers";
    let started = Instant::now();
    let workers: Vec<Child> = (0..3)
        .map(|_| {
            Command::new(std::env::current_exe().unwrap())
                .args(["--exact", "limit_worker", "--ignored", "--quiet"])
                .env("LIMIT_WORKER_URL", &s.url)
                .env("LIMIT_WORKER_REDIS", &redis.url)
                .env("LIMIT_WORKER_NAME", name)
                .stdout(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut w in workers {
        assert!(w.wait().unwrap().success(), "a worker process failed");
    }
    let took = started.elapsed();
    assert_eq!(s.served.load(Ordering::SeqCst), 30);
    // One bucket of 1 at 20/s for all three: 30 requests need >= 29 / 20 s.
    assert!(
        took >= Duration::from_millis(1400),
        "30 requests took only {took:?}"
    );
    let most = s.most.load(Ordering::SeqCst);
    assert!(
        most <= 2,
        "{most} requests were in flight at once across processes"
    );
    // Leases are given back: none left in flight.
    let left = redis
        .command(&["ZCARD", "tikapi:limit:workers:flight"])
        .unwrap();
    assert_eq!(left.trim(), ":0", "leases left behind");
    let stored = redis.dump();
    assert!(stored.contains("tikapi:limit:workers:bucket"), "{stored}");
    assert!(
        !stored.contains(KEY) && !stored.contains(ACCOUNT),
        "a key was stored: {stored}"
    );
}

#[test]
fn a_429_pauses_everyone_and_a_dead_workers_lease_lapses() {
    let Some(redis) = Redis::start() else { return };
    let s = held_server(
        Duration::ZERO,
        vec!["HTTP/1.1 429 Too Many Requests\r\nretry-after: 2\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}"],
    );
    let api = client(&s.url, shared(&redis.url, "paused"));
    let r = block_on(api.call("public.check", args! {"username" => "lilyachty"}));
    assert!(
        matches!(r, Err(Error::Api(ref r)) if r.status == 429),
        "{r:?}"
    );
    // The pause is in Redis for every process, about 2 s long.
    let ttl = redis
        .command(&["PTTL", "tikapi:limit:paused:pause"])
        .unwrap();
    let ms: i64 = ttl.trim().trim_start_matches(':').parse().unwrap();
    assert!(ms > 0 && ms <= 2000, "pause ttl {ms}");
    // Another client (as another process would) waits it out.
    let other = client(&s.url, shared(&redis.url, "paused").with_burst(2));
    let started = Instant::now();
    let r = block_on(other.call("public.check", args! {"username" => "lilyachty"})).unwrap();
    assert_eq!(r.status, 200);
    assert!(started.elapsed() >= Duration::from_millis(ms as u64 - 50));

    // A lease whose worker died (never given back) lapses after its
    // lifetime; until then it counts.
    let now_ms = {
        let t = redis.command(&["TIME"]).unwrap();
        let parts: Vec<&str> = t.lines().filter(|l| !l.starts_with(['*', '$'])).collect();
        parts[0].parse::<i64>().unwrap() * 1000 + parts[1].parse::<i64>().unwrap() / 1000
    };
    let key = "tikapi:limit:lapse:flight";
    for (i, lapse) in [now_ms + 600, now_ms + 600].iter().enumerate() {
        redis
            .command(&["ZADD", key, &lapse.to_string(), &format!("dead-{i}")])
            .unwrap();
    }
    let api = client(&s.url, shared(&redis.url, "lapse").with_burst(5));
    let started = Instant::now();
    let r = block_on(api.call("public.check", args! {"username" => "lilyachty"})).unwrap();
    assert_eq!(r.status, 200);
    assert!(
        started.elapsed() >= Duration::from_millis(450),
        "went before the dead leases lapsed"
    );
}

#[test]
fn an_unreachable_redis_is_a_clear_error() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let s = held_server(Duration::ZERO, vec![]);
    let url = format!("redis://:hunter2@127.0.0.1:{port}/0");
    let api = client(&s.url, RateLimit::per_second(5.0).with_redis(url));
    let e = block_on(api.call("public.check", args! {"username" => "lilyachty"})).unwrap_err();
    let m = e.to_string();
    assert!(
        m.contains(&format!(
            "could not reach the shared rate limit's Redis at redis://127.0.0.1:{port}/0"
        )),
        "{m}"
    );
    assert!(!m.contains("hunter2"), "{m}");
    assert_eq!(s.served.load(Ordering::SeqCst), 0);
}
