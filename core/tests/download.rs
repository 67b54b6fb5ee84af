//! save_video against loopback servers: streamed, atomic, with the CDN
//! headers of the response the link came from and never a key.

mod support;

use std::path::Path;
use std::sync::{Arc, Mutex};

use support::{json, respond, serve, Action};
use tikapi_core::download::{save_video, BROWSER_USER_AGENT};
use tikapi_core::runtime::block_on;
use tikapi_core::{Args, Client, Error, Options, TransportKind};

const KEY: &str = "Zyxwvutsrq9876543210";

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

fn source_response() -> tikapi_core::Response {
    let s = serve(vec![json(
        200,
        r#"{"status":"success","$other":{"videoLinkHeaders":{"Cookie":"tt_chain_token=abc","Referer":"https://www.tiktok.com/"}}}"#,
    )]);
    let api = Client::new(KEY);
    api.set(
        &Args::new(),
        None,
        Some(&Options::default().with_base(s.url.clone())),
    );
    block_on(api.call("key", Args::new())).unwrap()
}

#[test]
fn streams_to_the_target_with_the_cdn_headers_and_no_key() {
    let video: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
    let cdn = serve(vec![respond(200, &[("content-type", "video/mp4")], &video)]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.mp4");
    let source = source_response();
    let calls = Arc::new(Mutex::new(Vec::new()));
    let c2 = calls.clone();
    let progress: tikapi_core::download::Progress =
        Box::new(move |done, total| c2.lock().unwrap().push((done, total)));
    let n = block_on(save_video(
        &format!("{}/video/1.mp4", cdn.url),
        &path,
        Some(&source),
        &[],
        &Options::default(),
        Some(progress),
    ))
    .unwrap();
    assert_eq!(n, video.len() as u64);
    assert_eq!(std::fs::read(&path).unwrap(), video);
    assert_eq!(leftovers(dir.path()), ["v.mp4"]);
    let seen = &cdn.seen.lock().unwrap()[0];
    assert_eq!(seen.header("cookie").as_deref(), Some("tt_chain_token=abc"));
    assert_eq!(
        seen.header("referer").as_deref(),
        Some("https://www.tiktok.com/")
    );
    assert_eq!(
        seen.header("user-agent").as_deref(),
        Some(BROWSER_USER_AGENT)
    );
    assert!(!seen.head.contains(KEY), "no key goes to a video link");
    assert!(seen.header("x-api-key").is_none() && seen.header("x-account-key").is_none());
    let calls = calls.lock().unwrap();
    assert_eq!(
        calls.last().copied(),
        Some((video.len() as u64, Some(video.len() as u64)))
    );
}

#[test]
fn keys_in_extra_headers_are_not_sent() {
    let cdn = serve(vec![respond(200, &[], b"abc")]);
    let dir = tempfile::tempdir().unwrap();
    let extra = vec![
        ("X-API-KEY".to_owned(), KEY.to_owned()),
        ("X-Extra".to_owned(), "1".to_owned()),
    ];
    block_on(save_video(
        &cdn.url,
        &dir.path().join("a"),
        None,
        &extra,
        &Options::default(),
        None,
    ))
    .unwrap();
    let seen = &cdn.seen.lock().unwrap()[0];
    assert!(!seen.head.contains(KEY));
    assert_eq!(seen.header("x-extra").as_deref(), Some("1"));
}

#[test]
fn a_refused_download_leaves_nothing_and_carries_the_answer() {
    let cdn = serve(vec![respond(
        403,
        &[("content-type", "text/plain")],
        b"Forbidden",
    )]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.mp4");
    let err = block_on(save_video(
        &cdn.url,
        &path,
        None,
        &[],
        &Options::default(),
        None,
    ))
    .unwrap_err();
    let Error::Api(r) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(r.status, 403);
    assert_eq!(r.text(), "Forbidden");
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn a_connection_dropped_mid_body_leaves_no_file_and_keeps_the_old_one() {
    let mut raw = b"HTTP/1.1 200 OK\r\ncontent-length: 100000\r\n\r\n".to_vec();
    raw.extend(std::iter::repeat_n(7u8, 40_000));
    let cdn = serve(vec![Action::Raw(raw)]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.mp4");
    std::fs::write(&path, b"old video").unwrap();
    let err = block_on(save_video(
        &cdn.url,
        &path,
        None,
        &[],
        &Options::default(),
        None,
    ))
    .unwrap_err();
    assert!(
        matches!(&err, Error::Transport(t) if t.kind == TransportKind::Body),
        "{err:?}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        b"old video",
        "the old file is untouched"
    );
    assert_eq!(
        leftovers(dir.path()),
        ["v.mp4"],
        "no temporary file is left"
    );
}

#[test]
fn a_download_cancelled_midway_leaves_no_temporary_file() {
    let mut raw = b"HTTP/1.1 200 OK\r\ncontent-length: 100000\r\n\r\n".to_vec();
    raw.extend(std::iter::repeat_n(7u8, 40_000));
    let cdn = serve(vec![Action::Stall(raw)]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.mp4");
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let tx = Mutex::new(Some(tx));
    let progress: tikapi_core::download::Progress = Box::new(move |written, _| {
        if written > 0 {
            if let Some(tx) = tx.lock().unwrap().take() {
                let _ = tx.send(());
            }
        }
    });
    let dir_path = dir.path().to_path_buf();
    block_on(async move {
        let options = Options::default();
        let save = save_video(&cdn.url, &path, None, &[], &options, Some(progress));
        tokio::select! {
            _ = save => panic!("the stalled download cannot finish"),
            _ = rx => {}
        }
        // `save` was dropped mid-stream; the temporary file existed until then.
    });
    assert!(
        leftovers(&dir_path).is_empty(),
        "{:?}",
        leftovers(&dir_path)
    );
}

#[test]
fn unwritable_targets_and_bad_links_are_clear_errors() {
    let cdn = serve(vec![respond(200, &[], b"abc")]);
    let err = block_on(save_video(
        &cdn.url,
        Path::new("/nonexistent-dir/x/v.mp4"),
        None,
        &[],
        &Options::default(),
        None,
    ))
    .unwrap_err();
    assert!(
        matches!(&err, Error::Transport(t) if t.kind == TransportKind::Io),
        "{err:?}"
    );
    assert!(err.to_string().contains("could not create"), "{err}");
    let err = block_on(save_video(
        "file:///etc/passwd",
        Path::new("x"),
        None,
        &[],
        &Options::default(),
        None,
    ))
    .unwrap_err();
    assert!(matches!(err, Error::Usage(_)));
}
