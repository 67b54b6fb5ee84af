//! Observers (`tikapi_core::observe`): one start and one end per request,
//! retries counted, downloads included, trace headers sent unless switched
//! off, nothing told about a call that fails validation, and no key in any
//! description.

mod support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use support::{json, respond, serve};
use tikapi_core::observe::{self, Attempt, Finished, Observer, StartFuture};
use tikapi_core::runtime::block_on;
use tikapi_core::{args, Args, Client, Dialect, Error, Options, RetryPolicy};

const KEY: &str = "Zyxwvutsrq9876543210";
const ACCOUNT: &str = "AccountKey5555444433332222";

#[derive(Default)]
struct Recorder {
    started: Mutex<Vec<Attempt>>,
    finished: Mutex<Vec<Finished>>,
}

impl Observer for Recorder {
    fn start(&self, attempt: &Attempt) -> StartFuture {
        self.started.lock().unwrap().push(attempt.clone());
        let parent = format!("00-{:032x}-{:016x}-01", 7, attempt.id);
        Box::pin(async move { vec![("traceparent".to_owned(), parent)] })
    }
    fn finish(&self, finished: &Finished) {
        self.finished.lock().unwrap().push(finished.clone());
    }
}

fn client(base: &str, options: Options) -> Client {
    let api = Client::with_dialect(KEY, Dialect::Js);
    let o = options
        .with_base(base.into())
        .with_sandbox_base(base.into());
    api.set(&Args::new(), None, Some(&o));
    api
}

fn quick_retries(n: u32) -> RetryPolicy {
    let mut policy = RetryPolicy::new(n);
    policy.initial_backoff = Duration::from_millis(1);
    policy.max_backoff = Duration::from_millis(5);
    policy
}

fn observed<T>(call: impl std::future::Future<Output = T>) -> (T, Arc<Recorder>) {
    let rec = Arc::new(Recorder::default());
    let out = block_on(observe::scope(Some(rec.clone() as Arc<dyn Observer>), call));
    (out, rec)
}

/// Every string an observer was given, for the key scan.
fn everything(rec: &Recorder) -> String {
    let mut all = String::new();
    for a in rec.started.lock().unwrap().iter() {
        all.push_str(&a.to_json().to_string());
    }
    for f in rec.finished.lock().unwrap().iter() {
        all.push_str(&f.to_json().to_string());
    }
    all
}

#[test]
fn each_send_and_retry_is_one_attempt_with_its_trace_header() {
    let s = serve(vec![
        respond(429, &[("retry-after", "0")], b"{\"statusCode\":10201}"),
        json(503, "{}"),
        json(200, r#"{"status":"success","statusCode":0}"#),
    ]);
    let api = client(&s.url, Options::default().with_retry(quick_retries(3)));
    let call = api.call("public.check", args! {"username" => "lilyachty"});
    let (r, rec) = observed(call);
    assert_eq!(r.unwrap().status, 200);
    let started = rec.started.lock().unwrap().clone();
    let finished = rec.finished.lock().unwrap().clone();
    assert_eq!(started.len(), 3);
    assert_eq!(finished.len(), 3);
    let resends: Vec<u32> = started.iter().map(|a| a.resend_count).collect();
    assert_eq!(resends, [0, 1, 2]);
    for (a, f) in started.iter().zip(&finished) {
        assert_eq!(a.id, f.attempt.id);
        assert_eq!(a.endpoint.as_deref(), Some("public.check"));
        assert_eq!(
            f.attributes()["url.full"],
            format!("{}/public/check?username=lilyachty", s.url)
        );
    }
    let statuses: Vec<Option<u16>> = finished.iter().map(|f| f.status).collect();
    assert_eq!(statuses, [Some(429), Some(503), Some(200)]);
    assert!(finished[0].retry_in.is_some() && finished[2].retry_in.is_none());
    assert_eq!(finished[0].tiktok_code, Some(10201));
    assert_eq!(finished[0].error_type().as_deref(), Some("429"));
    assert!(!finished[2].is_error());
    assert!(finished[2].log_line().starts_with("GET /public/check 200 "));
    // Each request carried the header its own attempt asked for.
    let seen = s.seen.lock().unwrap();
    for (sent, a) in seen.iter().zip(&started) {
        let want = format!("00-{:032x}-{:016x}-01", 7, a.id);
        assert_eq!(sent.header("traceparent"), Some(want));
    }
}

#[test]
fn trace_context_can_be_switched_off() {
    let s = serve(vec![json(200, "{}")]);
    let api = client(&s.url, Options::default().with_trace_context(false));
    let (r, rec) = observed(api.call("public.check", args! {"username" => "x"}));
    r.unwrap();
    assert_eq!(rec.finished.lock().unwrap().len(), 1);
    assert_eq!(s.seen.lock().unwrap()[0].header("traceparent"), None);
}

#[test]
fn a_call_that_fails_validation_is_never_observed() {
    let s = serve(vec![json(200, "{}")]);
    let api = client(&s.url, Options::default());
    let (r, rec) = observed(api.call("public.check", args! {"username" => "no spaces here"}));
    assert!(matches!(r, Err(Error::Validation(_))), "{r:?}");
    assert!(rec.started.lock().unwrap().is_empty());
    assert!(s.seen.lock().unwrap().is_empty());
}

#[test]
fn failures_and_pages_are_observed_without_keys() {
    let s = serve(vec![
        json(
            200,
            r#"{"status":"success","hasMore":true,"cursor":"2","itemList":[{"id":"1"}]}"#,
        ),
        json(
            200,
            r#"{"status":"success","hasMore":false,"itemList":[{"id":"2"}]}"#,
        ),
    ]);
    let api = client(&s.url, Options::default());
    let account = api.scope(args! {"accountKey" => ACCOUNT});
    let walk = async {
        let first = account
            .call(
                "user.posts.comments.list",
                args! {"media_id" => "7109178205151464746"},
            )
            .await?;
        tikapi_core::Client::next_page(&first).await
    };
    let (r, rec) = observed(walk);
    r.unwrap();
    assert_eq!(rec.finished.lock().unwrap().len(), 2);
    let all = everything(&rec);
    assert!(!all.contains(KEY) && !all.contains(ACCOUNT), "{all}");

    // A refused connection: an end with the failure's kind, no status.
    let api = client(&support::closed_port_url(), Options::default());
    let (r, rec) = observed(api.call("public.check", args! {"username" => "x"}));
    assert!(r.is_err());
    let f = rec.finished.lock().unwrap()[0].clone();
    assert_eq!(f.status, None);
    assert_eq!(f.error_type().as_deref(), Some("connect"));
}

#[test]
fn without_an_observer_nothing_is_added() {
    let s = serve(vec![json(200, "{}")]);
    let api = client(&s.url, Options::default());
    block_on(api.call("public.check", args! {"username" => "x"})).unwrap();
    assert_eq!(s.seen.lock().unwrap()[0].header("traceparent"), None);
    assert!(observe::current().is_none());
}

#[test]
fn downloads_are_observed() {
    let s = serve(vec![respond(200, &[("content-length", "5")], b"video")]);
    let dir = std::env::temp_dir().join(format!("tikapi-observe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("v.mp4");
    let link = format!("{}/video.mp4?x-signature=abc", s.url);
    let options = Options::default();
    let save = tikapi_core::download::save_video(&link, &path, None, &[], &options, None);
    let (n, rec) = observed(save);
    assert_eq!(n.unwrap(), 5);
    let f = rec.finished.lock().unwrap()[0].clone();
    assert_eq!(f.status, Some(200));
    assert_eq!(f.body_size, Some(5));
    assert!(
        f.attempt.url.ends_with("x-signature=REDACTED"),
        "{}",
        f.attempt.url
    );
    assert!(s.seen.lock().unwrap()[0].header("traceparent").is_some());
    std::fs::remove_dir_all(dir).unwrap();
}
