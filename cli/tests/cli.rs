//! The `tikapi` binary against the local sandbox (loopback only).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value as Json;
use tikapi_core::pages::item_list;
use tikapi_core::runtime::block_on;
use tikapi_core::{args, Args, Client, Error, Options, PageLimits, Pages};
use tikapi_sandbox::{start_background, Background, Config};

const BIN: &str = env!("CARGO_BIN_EXE_tikapi");
const SECRET: &str = "SecretApiKeyNeverShown123";

fn sandbox() -> Background {
    start_background(Config::default()).expect("sandbox starts")
}

fn tikapi(sb: &Background, args: &[&str]) -> Command {
    let mut c = Command::new(BIN);
    c.env("TIKAPI_SANDBOX_URL", sb.url())
        .env_remove("TIKAPI_KEY")
        .env_remove("TIKAPI_ACCOUNT_KEY")
        .env_remove("TIKAPI_BASE_URL")
        .env_remove("TIKAPI_CLI_TEST_KILL_AFTER_PAGE")
        .arg("--sandbox")
        .args(args);
    c
}

fn run(sb: &Background, args: &[&str]) -> Output {
    tikapi(sb, args).output().expect("the binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

// Field by field: `Options` may become `#[non_exhaustive]`.
#[allow(clippy::field_reassign_with_default)]
fn client(sb: &Background) -> Client {
    let api = Client::new(tikapi_core::catalogue::SANDBOX_API_KEY);
    let mut o = Options::default();
    o.sandbox_base = Some(sb.url().to_owned());
    api.set(&Args::new(), Some(true), Some(&o));
    api
}

/// Every item of every page, as the core's page walk yields them.
fn walk(sb: &Background, endpoint: &str, a: Args) -> Vec<Json> {
    let api = client(sb);
    block_on(async {
        let mut pages = Pages::new(api.clone(), endpoint.to_owned(), a, PageLimits::default());
        let mut items = Vec::new();
        while let Some(page) = pages.next().await {
            let page = page.expect("page");
            items.extend(item_list(page.json().unwrap()).unwrap().iter().cloned());
        }
        items
    })
}

/// A music id whose post list has exactly `n` entries in this sandbox world.
fn music_with(sb: &Background, n: u64) -> String {
    let api = client(sb);
    for i in 0..20_000u64 {
        let id = (6_800_000_000_000_000_000u64 + i).to_string();
        let r = block_on(api.call("public.musicInfo", args! { "id" => id.as_str() })).unwrap();
        if r.json().unwrap()["musicInfo"]["stats"]["videoCount"].as_u64() == Some(n) {
            return id;
        }
    }
    panic!("no music with {n} posts");
}

fn jsonl(path: &Path) -> Vec<Json> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn export_of_150_items_to_jsonl_csv_and_json_equals_the_core_walk() {
    let sb = sandbox();
    let id = music_with(&sb, 150);
    let items = walk(&sb, "public.music", args! { "id" => id.as_str() });
    assert_eq!(items.len(), 150);
    let dir = tempfile::tempdir().unwrap();

    let out = dir.path().join("posts.jsonl");
    let o = run(
        &sb,
        &[
            "export",
            "public.music",
            "--id",
            &id,
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(jsonl(&out), items);
    assert!(
        text(&o.stderr).contains("wrote 150 items from 5 pages"),
        "{}",
        text(&o.stderr)
    );
    assert!(
        !dir.path().join("posts.jsonl.resume.json").exists(),
        "the state goes once complete"
    );

    let out = dir.path().join("posts.csv");
    let o = run(
        &sb,
        &[
            "export",
            "public.music",
            "--id",
            &id,
            "--format",
            "csv",
            "--fields",
            "id,author.uniqueId,stats.playCount,video.duration,challenges.0.title",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let csv = std::fs::read_to_string(&out).unwrap();
    let mut expected =
        String::from("id,author.uniqueId,stats.playCount,video.duration,challenges.0.title\n");
    for it in &items {
        let title = it["challenges"][0]["title"].as_str().unwrap_or("");
        assert!(!title.contains([',', '"', '\n']));
        expected.push_str(&format!(
            "{},{},{},{},{}\n",
            it["id"].as_str().unwrap(),
            it["author"]["uniqueId"].as_str().unwrap(),
            it["stats"]["playCount"],
            it["video"]["duration"],
            title
        ));
    }
    assert_eq!(csv, expected);

    let out = dir.path().join("posts.json");
    let o = run(
        &sb,
        &[
            "export",
            "public.music",
            "--id",
            &id,
            "--format",
            "json",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let all: Json = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(all.as_array().unwrap(), &items);
}

#[test]
fn max_items_cuts_exactly_and_the_rest_resumes() {
    let sb = sandbox();
    let id = music_with(&sb, 150);
    let items = walk(&sb, "public.music", args! { "id" => id.as_str() });
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("p.jsonl");
    let o = run(
        &sb,
        &[
            "export",
            "public.music",
            "--id",
            &id,
            "--max-items",
            "45",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(jsonl(&out), items[..45]);
    assert!(dir.path().join("p.jsonl.resume.json").exists());
    let o = run(
        &sb,
        &[
            "export",
            "public.music",
            "--id",
            &id,
            "--resume",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(jsonl(&out), items);
}

fn resume_cases(format: &str) {
    let sb = sandbox();
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| {
        dir.path()
            .join(format!("{name}.{format}"))
            .to_str()
            .unwrap()
            .to_owned()
    };
    let base = ["export", "public.posts", "--format", format];
    let whole = path("whole");
    let o = run(&sb, &[&base[..], &["--out", &whole]].concat());
    assert!(o.status.success(), "{}", text(&o.stderr));
    let expected = std::fs::read(&whole).unwrap();

    // Stopped after two pages, then resumed.
    let part = path("part");
    let o = run(
        &sb,
        &[&base[..], &["--out", &part, "--max-pages", "2"]].concat(),
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stderr).contains("more pages remain"),
        "{}",
        text(&o.stderr)
    );
    let o = run(&sb, &[&base[..], &["--out", &part, "--resume"]].concat());
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(
        std::fs::read(&part).unwrap(),
        expected,
        "{format}: max-pages then resume"
    );

    // Killed after writing page 2's items but before recording them.
    let killed = path("killed");
    let o = tikapi(&sb, &[&base[..], &["--out", &killed]].concat())
        .env("TIKAPI_CLI_TEST_KILL_AFTER_PAGE", "2")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(137), "{}", text(&o.stderr));
    let o = run(&sb, &[&base[..], &["--out", &killed, "--resume"]].concat());
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("resuming"), "{}", text(&o.stderr));
    assert_eq!(
        std::fs::read(&killed).unwrap(),
        expected,
        "{format}: kill then resume, no duplicates"
    );
}

#[test]
fn resume_after_an_interruption_gives_the_uninterrupted_file_jsonl() {
    resume_cases("jsonl");
}

#[test]
fn resume_after_an_interruption_gives_the_uninterrupted_file_csv() {
    resume_cases("csv");
}

#[test]
fn resume_after_an_interruption_gives_the_uninterrupted_file_json() {
    resume_cases("json");
}

#[test]
fn resume_refuses_a_different_export() {
    let sb = sandbox();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("a.jsonl");
    let out = out.to_str().unwrap();
    assert!(run(
        &sb,
        &["export", "public.posts", "--out", out, "--max-pages", "1"]
    )
    .status
    .success());
    let o = run(&sb, &["export", "public.likes", "--out", out, "--resume"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("was an export of public.posts"),
        "{}",
        text(&o.stderr)
    );
    let o = run(
        &sb,
        &[
            "export",
            "public.posts",
            "--out",
            out,
            "--resume",
            "--format",
            "csv",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    // Complete: nothing to resume.
    assert!(
        run(&sb, &["export", "public.posts", "--out", out, "--resume"])
            .status
            .success()
    );
    let o = run(&sb, &["export", "public.posts", "--out", out, "--resume"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    assert!(
        text(&o.stderr).contains("no resume state"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn downloads_are_byte_for_byte_the_served_videos_and_are_skipped_when_present() {
    let sb = sandbox();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("videos");
    let o = run(
        &sb,
        &[
            "download",
            "public.posts",
            "--max-items",
            "6",
            "--concurrency",
            "3",
            "--dir",
            d.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stderr).contains("6 videos saved"),
        "{}",
        text(&o.stderr)
    );

    // The same videos fetched independently, with the page's videoLinkHeaders.
    let api = client(&sb);
    let page = block_on(api.call("public.posts", Args::new())).unwrap();
    let headers = page.video_link_headers();
    let http = reqwest::Client::new();
    for item in &item_list(page.json().unwrap()).unwrap()[..6] {
        let id = item["video"]["id"].as_str().unwrap();
        let link = item["video"]["downloadAddr"].as_str().unwrap();
        let mut req = http.get(link);
        for (k, v) in &headers {
            req = req.header(k.as_str(), v.as_str());
        }
        let served = block_on(async { req.send().await.unwrap().bytes().await.unwrap() });
        assert!(served.len() > 100_000);
        let saved = std::fs::read(d.join(format!("{id}.mp4"))).unwrap();
        assert!(
            saved == served,
            "{id}: saved file differs from the served bytes"
        );
    }
    assert_eq!(
        std::fs::read_dir(&d).unwrap().count(),
        6,
        "no temporary file left"
    );

    let o = run(
        &sb,
        &[
            "download",
            "public.posts",
            "--max-items",
            "6",
            "--dir",
            d.to_str().unwrap(),
        ],
    );
    assert!(o.status.success());
    assert!(
        text(&o.stderr).contains("0 videos saved, 6 already there"),
        "{}",
        text(&o.stderr)
    );
}

/// The precise explanation the core's validation gives (its `detail`, not
/// the official SDKs' words: a person reads the command's errors).
fn validation_message(sb: &Background, endpoint: &str, a: Args) -> String {
    let api = client(sb);
    match api.prepare(endpoint, &a, &Default::default()) {
        Err(Error::Validation(v)) => v.detail,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn bad_parameters_give_the_detailed_message_and_exit_code_2() {
    let sb = sandbox();
    for (argv, endpoint, a) in [
        (
            vec!["call", "public.posts", "--cursor", "abc"],
            "public.posts",
            args! { "cursor" => "abc" },
        ),
        (
            vec!["call", "public.posts", "--count", "abc"],
            "public.posts",
            args! { "count" => "abc" },
        ),
        (
            vec!["call", "public.posts", "--count", "31"],
            "public.posts",
            args! { "count" => 31 },
        ),
        (
            vec!["call", "public.discover", "--category", "nope"],
            "public.discover",
            args! { "category" => "nope" },
        ),
    ] {
        let o = run(&sb, &argv);
        assert_eq!(o.status.code(), Some(2), "{argv:?}: {}", text(&o.stderr));
        let message = validation_message(&sb, endpoint, a);
        assert_eq!(
            text(&o.stderr).trim(),
            format!("error: {message}"),
            "{argv:?}"
        );
        assert!(o.stdout.is_empty());
    }
    for argv in [
        vec!["call", "public.chek"],
        vec!["call", "public.check", "--nope", "1"],
        vec!["export", "public.posts"],
        vec!["export", "public.posts", "--out", "x", "--format", "xml"],
        vec!["nope"],
    ] {
        let o = run(&sb, &argv);
        assert_eq!(o.status.code(), Some(2), "{argv:?}: {}", text(&o.stderr));
    }
    let o = run(&sb, &["call", "public.chek"]);
    assert!(
        text(&o.stderr).contains("did you mean public.check?"),
        "{}",
        text(&o.stderr)
    );
    // Without --sandbox and without a key: a usage error, nothing sent.
    let o = Command::new(BIN)
        .env_remove("TIKAPI_KEY")
        .args(["call", "public.check"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("no API key"));
}

#[test]
fn call_prints_the_body_and_separates_api_and_network_errors() {
    let sb = sandbox();
    let o = run(&sb, &["call", "public.check", "--username", "lilyachty"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let body: Json = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(body["userInfo"]["user"]["uniqueId"], "lilyachty");
    assert_eq!(text(&o.stdout).lines().count(), 1, "compact when piped");

    let o = run(&sb, &["call", "public.check", "--username", "doesnotexist"]);
    assert_eq!(o.status.code(), Some(3));
    let err = text(&o.stderr);
    assert!(
        err.contains("403") && err.contains("TikTok statusCode 10202"),
        "{err}"
    );
    let body: Json = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(body["statusCode"], 10202);

    let o = run(
        &sb,
        &[
            "--base",
            "http://127.0.0.1:1",
            "call",
            "public.check",
            "--username",
            "x",
        ],
    );
    assert_eq!(o.status.code(), Some(4), "{}", text(&o.stderr));
}

#[test]
fn keys_never_appear_in_output_help_or_errors() {
    let sb = sandbox();
    let cases: Vec<Vec<&str>> = vec![
        vec![
            "--api-key",
            SECRET,
            "call",
            "public.check",
            "--username",
            "bad name",
        ],
        vec![
            "--api-key",
            SECRET,
            "--account-key",
            SECRET,
            "call",
            "user.info",
        ],
        vec![
            "--api-key",
            SECRET,
            "call",
            "public.check",
            "--username",
            "doesnotexist",
        ],
        vec!["--api-key", SECRET, "--base", "http://127.0.0.1:1", "key"],
        vec!["--help"],
        vec!["call", "--help"],
    ];
    for argv in cases {
        let o = tikapi(&sb, &argv)
            .env("TIKAPI_KEY", SECRET)
            .env("TIKAPI_ACCOUNT_KEY", SECRET)
            .output()
            .unwrap();
        let all = format!("{}{}", text(&o.stdout), text(&o.stderr));
        assert!(!all.contains(SECRET), "{argv:?} printed a key: {all}");
    }
}

#[test]
fn key_prints_a_short_table_or_json() {
    let sb = sandbox();
    let o = run(&sb, &["key"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let t = text(&o.stdout);
    assert!(t.contains("credits       779"), "{t}");
    assert!(t.contains("bandwidth     0 B of 100.0 GiB used"), "{t}");
    assert!(t.contains("expires       2022-07-29 10:00 UTC"), "{t}");
    let o = run(&sb, &["key", "--json"]);
    let body: Json = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(body["credits"], 779);
}

#[test]
fn endpoint_help_comes_from_the_catalogue() {
    let sb = sandbox();
    let o = run(&sb, &["call", "public.posts", "--help"]);
    assert!(o.status.success());
    let h = text(&o.stdout);
    assert!(h.contains("GET /public/posts"), "{h}");
    assert!(
        h.contains("--secUid <STRING>") && h.contains("required"),
        "{h}"
    );
    let o = run(&sb, &["call", "user.live.chat", "--help"]);
    let h = text(&o.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(h.contains("scope(s) LIVE, SEND_MESSAGES"), "{h}");
    let o = run(&sb, &["export", "public.posts", "--help"]);
    assert!(text(&o.stdout).contains("--resume"));
}

/// Start `tikapi login`, read the link it prints, and return the process,
/// the redirect URI and the state.
fn start_login(extra: &[&str]) -> (std::process::Child, String, String) {
    let mut child = Command::new(BIN)
        .args([
            "login",
            "--client-id",
            "c_1234567890",
            "--scopes",
            "view_profile,EXPLORE",
        ])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let link = loop {
        let mut line = String::new();
        assert!(err.read_line(&mut line).unwrap() > 0, "no link printed");
        if let Some(at) = line.find("https://tikapi.io/account/authorize?") {
            break line[at..].trim().to_owned();
        }
    };
    std::thread::spawn(move || std::io::copy(&mut err, &mut std::io::sink()));
    let url = reqwest::Url::parse(&link).unwrap();
    let get = |k: &str| {
        url.query_pairs()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.into_owned())
            .unwrap()
    };
    assert_eq!(get("scope"), "VIEW_PROFILE+EXPLORE");
    assert_eq!(get("client_id"), "c_1234567890");
    (child, get("redirect_uri"), get("state"))
}

/// What a browser does on TikAPI's redirect: GET the redirect URI.
fn hit(redirect_uri: &str, query: &str) -> String {
    let rest = redirect_uri.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_once('/').unwrap();
    let mut s = TcpStream::connect(host).unwrap();
    write!(
        s,
        "GET /{path}?{query} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).unwrap();
    answer
}

#[test]
fn login_waits_for_the_redirect_and_saves_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("account.key");
    let (child, uri, state) = start_login(&["--save", file.to_str().unwrap()]);
    // A redirect with another state is ignored; the login keeps waiting.
    let forged = hit(&uri, "access_token=ForgedTokenValue123&state=other");
    assert!(forged.starts_with("HTTP/1.1 400"), "{forged}");
    let ok = hit(
        &uri,
        &format!("access_token=GrantedAccountKey12345&scope=VIEW_PROFILE%2BEXPLORE&state={state}"),
    );
    assert!(ok.starts_with("HTTP/1.1 200"), "{ok}");
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success());
    assert!(o.stdout.is_empty(), "the key went to the file");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "GrantedAccountKey12345\n"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}

#[test]
fn login_prints_the_key_or_reports_a_refusal() {
    let (child, uri, state) = start_login(&[]);
    hit(
        &uri,
        &format!("access_token=GrantedAccountKey12345&scope=VIEW_PROFILE&state={state}"),
    );
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success());
    assert_eq!(text(&o.stdout), "GrantedAccountKey12345\n");

    let (child, uri, state) = start_login(&[]);
    let page = hit(
        &uri,
        &format!("type=error&message=Authorization+has+been+canceled+by+user.&state={state}"),
    );
    assert!(page.contains("canceled by user"), "{page}");
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(3));
    assert!(o.stdout.is_empty());
}

#[test]
fn login_rejects_unknown_scopes_before_listening() {
    let o = Command::new(BIN)
        .args([
            "login",
            "--client-id",
            "c_1234567890",
            "--scopes",
            "view_profil",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("did you mean VIEW_PROFILE?"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn a_key_without_the_needed_scope_is_a_clear_api_error() {
    let sb = sandbox();
    let key = tikapi_sandbox::scoped_account_key(&["VIEW_PROFILE"]).unwrap();
    let o = run(&sb, &["--account-key", &key, "call", "user.info"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let o = run(
        &sb,
        &[
            "--account-key",
            &key,
            "call",
            "user.live.chat",
            "--room_id",
            "7112492061034646278",
        ],
    );
    assert_eq!(o.status.code(), Some(3));
    let err = text(&o.stderr);
    assert!(
        err.contains("403") && err.contains("LIVE, SEND_MESSAGES scopes"),
        "{err}"
    );
    assert!(!err.contains(&key), "the key is not printed");
}

#[test]
fn tikapi_sandbox_serves_every_endpoint_and_names_a_port_in_use() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let mut child = Command::new(BIN)
        .args(["sandbox", "--port", "0", "--seed", "3"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap()
        .to_owned();
    let out = Command::new(BIN)
        .args([
            "--sandbox",
            "--base",
            &url,
            "call",
            "public.check",
            "--username",
            "lilyachty",
        ])
        .env_remove("TIKAPI_KEY")
        .output()
        .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("\"uniqueId\":\"lilyachty\""),
        "{}",
        text(&out.stdout)
    );

    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let out = Command::new(BIN)
        .args(["sandbox", "--port", &port])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains(&format!("port {port} is in use")),
        "{}",
        text(&out.stderr)
    );
}
