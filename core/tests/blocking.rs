//! Where blocking calls run (`runtime::BlockingCall`). Alone in its test
//! binary: the choice depends on the blocking calls in flight in the
//! process, which other tests running in parallel would change.

mod support;

use support::{serve, Action};
use tikapi_core::{Args, Client, Dialect, Options};

/// A 200 answer; `connection: close` when the server closes right after it
/// (`Action::Raw`), so the client does not pool a connection about to close.
fn ok(connection: &str) -> Vec<u8> {
    let body = r#"{"status":"success","message":"","statusCode":0}"#;
    format!(
        "HTTP/1.1 200 OK\r\nconnection: {connection}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

fn client(base: &str) -> Client {
    let api = Client::with_dialect("Zyxwvutsrq9876543210", Dialect::Python);
    let o = Options::default()
        .with_base(base.into())
        .with_sandbox_base(base.into());
    api.set(&Args::new(), None, Some(&o));
    api
}

#[test]
fn a_thread_that_keeps_calling_moves_to_its_own_runtime() {
    // `run` starts on the shared runtime and, after OWN_RUNTIME_AFTER calls
    // of the thread with no other in flight, runs them on the thread's own:
    // every call answers either way.
    let calls = tikapi_core::runtime::OWN_RUNTIME_AFTER as usize + 4;
    let s = serve((0..calls).map(|_| Action::Raw(ok("close"))).collect());
    let api = client(&s.url);
    std::thread::spawn(move || {
        let mut here = Vec::new();
        for _ in 0..calls {
            // Where a call would run now (this probe counts as a call too).
            here.push(tikapi_core::runtime::BlockingCall::start().runs_here());
            let api = api.clone();
            let r = tikapi_core::runtime::run(async move { api.call("key", Args::new()).await });
            assert_eq!(r.unwrap().status, 200);
        }
        assert!(!here[0] && here[calls - 1], "{here:?}");
        // While another blocking call is in flight, calls share the runtime.
        let busy = tikapi_core::runtime::BlockingCall::start();
        assert!(!tikapi_core::runtime::BlockingCall::start().runs_here());
        drop(busy);
    })
    .join()
    .unwrap();
    assert_eq!(s.seen.lock().unwrap().len(), calls);
}

#[test]
fn a_connection_the_server_closed_while_idle_is_not_used_again() {
    // A thread's own runtime does not poll its connections between calls.
    // The server closes the first call's keep-alive connection while the
    // thread is idle; the next call must see that and connect again, not
    // fail with "connection closed before message completed".
    let idle = std::time::Duration::from_millis(50);
    let s = serve(vec![
        Action::Linger(ok("keep-alive"), idle),
        Action::Linger(ok("keep-alive"), idle),
    ]);
    let api = client(&s.url);
    let first = tikapi_core::runtime::run_here(api.call("key", Args::new()));
    assert_eq!(first.unwrap().status, 200);
    // Until the server has closed it (a bound reached only on failure).
    for _ in 0..1000 {
        if s.closed.load(std::sync::atomic::Ordering::SeqCst) == 1 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert_eq!(s.closed.load(std::sync::atomic::Ordering::SeqCst), 1);
    let second = tikapi_core::runtime::run_here(api.call("key", Args::new()));
    assert_eq!(second.unwrap().status, 200);
    assert_eq!(s.seen.lock().unwrap().len(), 2);
}
