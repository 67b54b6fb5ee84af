//! The sandbox against its contract, over sockets: every catalogue endpoint
//! answers the core's client, lists end, auth and TikTok errors,
//! determinism, the faults that cut connections, many connections at once
//! and the binary's first line. What needs no socket is in `router.rs`.

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use serde_json::Value as Json;
use tikapi_core::catalogue::SANDBOX_ACCOUNT_KEY;
use tikapi_core::runtime::block_on;
use tikapi_core::{args, catalogue, Args, Client, Dialect, Endpoint, Error, Options, Response};
use tikapi_sandbox::{
    start, start_background, Background, Config, EXPIRED_ACCOUNT_KEY, INVALID_API_KEY,
    RATE_LIMITED_API_KEY,
};

const KEY: &str = tikapi_core::catalogue::SANDBOX_API_KEY;
const LILY: &str = "MS4wLjABAAAAsHntXC3s0AvxcecggxsoVa4eAiT8OVafVZ4OQXxy-9htpnUi0sOYSr0kGGD1Loud";

fn sandbox() -> Background {
    start_background(Config::default()).expect("sandbox starts")
}

/// A client in sandbox mode whose sandbox is `url`.
fn client(url: &str, dialect: Dialect) -> Client {
    let api = Client::with_dialect(KEY, dialect);
    let o = Options::default()
        .with_sandbox_base(url.into())
        .with_base(url.into());
    api.set(&Args::new(), Some(true), Some(&o));
    api
}

fn json(r: &Response) -> &Json {
    r.json().expect("a JSON body")
}

/// Every endpoint form, with the arguments that select it.
fn forms() -> Vec<(&'static Endpoint, Args)> {
    catalogue()
        .endpoints
        .iter()
        .map(|ep| {
            let mut a = Args::new();
            if ep.key == "public.discover" && ep.path.contains("{category}") {
                a.set("category", "hashtag");
            }
            // A required parameter the catalogue has no example for.
            for p in &ep.params {
                if p.required && p.example.is_none() && !p.is_secret() {
                    assert_eq!(p.key, "username", "{}: no example for {}", ep.key, p.key);
                    a.set("username", "lilyachty");
                }
            }
            (ep, a)
        })
        .collect()
}

fn paginated(ep: &Endpoint) -> bool {
    ep.is_paged()
}

#[test]
fn every_catalogue_endpoint_answers_with_success() {
    let s = sandbox();
    let api = client(s.url(), Dialect::Js);
    let mut checked = 0;
    for (ep, a) in forms() {
        let r = block_on(api.call(&ep.key, a)).unwrap_or_else(|e| panic!("{}: {e}", ep.key));
        assert_eq!(r.status, 200, "{}", ep.key);
        assert_eq!(json(&r)["status"], "success", "{}", ep.key);
        assert_eq!(r.endpoint(), Some(ep.key.as_str()));
        checked += 1;
    }
    assert_eq!(checked, catalogue().endpoints.len());
}

fn item_ok(item: &Json) {
    for k in [
        "id",
        "desc",
        "createTime",
        "author",
        "video",
        "music",
        "stats",
        "challenges",
    ] {
        assert!(item.get(k).is_some(), "item lacks {k}: {item}");
    }
    for k in ["id", "duration", "cover", "playAddr", "downloadAddr"] {
        assert!(item["video"].get(k).is_some(), "video lacks {k}");
    }
    for k in ["diggCount", "shareCount", "commentCount", "playCount"] {
        assert!(item["stats"][k].is_u64(), "stats lack {k}");
    }
}

#[test]
fn answers_have_the_shapes_apps_read() {
    let s = sandbox();
    let api = client(s.url(), Dialect::Js);
    let call = |key: &str, a: Args| block_on(api.call(key, a)).unwrap();

    let r = call("public.check", args! { "username" => "lilyachty" });
    let user = &json(&r)["userInfo"]["user"];
    for k in [
        "id",
        "uniqueId",
        "nickname",
        "secUid",
        "avatarLarger",
        "signature",
        "verified",
        "privateAccount",
        "roomId",
    ] {
        assert!(user.get(k).is_some(), "user lacks {k}");
    }
    assert_eq!(
        user["secUid"], LILY,
        "the docs' user is wired to its secUid"
    );
    let stats = &json(&r)["userInfo"]["stats"];
    for k in [
        "followerCount",
        "followingCount",
        "heartCount",
        "videoCount",
        "diggCount",
    ] {
        assert!(stats[k].is_u64(), "stats lack {k}");
    }

    for key in [
        "public.posts",
        "public.likes",
        "public.explore",
        "user.posts.feed",
    ] {
        let r = call(key, args! { "secUid" => LILY });
        let body = json(&r);
        let items = body["itemList"].as_array().expect(key);
        assert!(!items.is_empty(), "{key}");
        items.iter().for_each(item_ok);
        assert!(body.get("hasMore").is_some(), "{key}");
        assert!(
            body["$other"]["videoLinkHeaders"]["Cookie"].is_string(),
            "{key} carries videoLinkHeaders"
        );
    }

    let r = call("public.video", args! { "id" => "7003402629929913605" });
    item_ok(&json(&r)["itemInfo"]["itemStruct"]);

    let r = call("public.hashtag", args! { "name" => "lilyachty" });
    assert!(json(&r)["challengeInfo"]["challenge"]["id"].is_string());
    assert!(json(&r)["challengeInfo"]["stats"].is_object());

    let r = call(
        "public.commentsList",
        args! { "media_id" => "7003402629929913605" },
    );
    let body = json(&r);
    assert!(body["cursor"].is_u64() && body["total"].is_u64());
    assert!(body["has_more"] == 0 || body["has_more"] == 1);
    let c = &body["comments"][0];
    for k in [
        "cid",
        "text",
        "create_time",
        "digg_count",
        "reply_comment_total",
        "user",
    ] {
        assert!(c.get(k).is_some(), "comment lacks {k}");
    }

    let r = call("public.followersList", args! { "secUid" => LILY });
    assert!(json(&r)["userList"]
        .as_array()
        .is_some_and(|l| !l.is_empty()));

    let r = call(
        "public.search",
        args! { "category" => "general", "query" => "lilyachty" },
    );
    assert!(json(&r)["data"].is_array());

    let r = call("user.notifications", Args::new());
    let n = &json(&r)["notice_lists"][0];
    assert!(
        n["notice_list"].is_array() && n.get("min_time").is_some() && n.get("max_time").is_some()
    );

    let r = call("user.conversations", Args::new());
    assert!(json(&r)["conversations"].is_array());

    let r = call("key", Args::new());
    assert!(
        json(&r).as_object().unwrap().len() > 1,
        "key info has fields"
    );
}

#[test]
fn every_paginated_endpoint_walks_to_its_end() {
    let s = sandbox();
    for dialect in [Dialect::Js, Dialect::Python] {
        let api = client(s.url(), dialect);
        for (ep, a) in forms().into_iter().filter(|(ep, _)| paginated(ep)) {
            let mut page = Some(block_on(api.call(&ep.key, a)).unwrap());
            let mut pages = 0;
            let mut seen = HashSet::new();
            while let Some(r) = page {
                pages += 1;
                if let Some(items) = r.json().and_then(|b| b["itemList"].as_array()) {
                    for item in items {
                        assert!(
                            seen.insert(item["id"].to_string()),
                            "{}: item {} came twice",
                            ep.key,
                            item["id"]
                        );
                    }
                }
                if ep.key == "user.live.chat" && pages == 5 {
                    break; // endless by design
                }
                assert!(pages < 60, "{} never ends ({dialect:?})", ep.key);
                page = block_on(Client::next_page(&r)).unwrap();
            }
            if ep.key == "user.live.chat" {
                assert_eq!(pages, 5);
            } else if ep.key == "public.explore" || ep.key == "user.posts.explore" {
                assert_eq!(pages, 1, "explore has no cursor and says hasMore false");
            } else {
                assert!(pages >= 2, "{}: {pages} page(s) ({dialect:?})", ep.key);
            }
        }
    }
}

#[test]
fn count_is_honoured_and_totals_are_finite() {
    let s = sandbox();
    let api = client(s.url(), Dialect::Js);
    let mut total = 0;
    let mut page =
        Some(block_on(api.call("public.posts", args! { "secUid" => LILY, "count" => 7 })).unwrap());
    while let Some(r) = page {
        let n = json(&r)["itemList"].as_array().unwrap().len();
        assert!(n <= 7);
        total += n;
        page = block_on(Client::next_page(&r)).unwrap();
    }
    assert!((40..=150).contains(&total), "{total} posts");
}

#[test]
fn answers_are_deterministic_and_seeded() {
    let a = sandbox();
    let b = sandbox();
    let c = start_background(Config {
        seed: 7,
        ..Config::default()
    })
    .unwrap();
    let body = |url: &str| {
        let r = block_on(client(url, Dialect::Js).call("public.posts", args! { "secUid" => LILY }))
            .unwrap();
        let mut j = json(&r).clone();
        j.as_object_mut().unwrap().remove("$other");
        // Links name the server they were served by.
        j.to_string().replace(url, "")
    };
    assert_eq!(body(a.url()), body(b.url()));
    assert_ne!(body(a.url()), body(c.url()));
}

fn api_error(e: Error) -> Response {
    match e {
        Error::Api(r) => *r,
        other => panic!("expected an API error, got {other:?}"),
    }
}

#[test]
fn auth_answers_like_the_service() {
    let s = sandbox();
    let with_key = |key: &str| {
        let api = Client::new(key);
        let o = Options::default().with_base(s.url().into());
        api.set(&Args::new(), None, Some(&o));
        api
    };

    let r = api_error(block_on(with_key(INVALID_API_KEY).call("key", Args::new())).unwrap_err());
    assert_eq!(r.status, 401);
    assert_eq!(r.message(), "A valid API Key is required.");

    let r = api_error(block_on(with_key("abcdefghijkl").call("key", Args::new())).unwrap_err());
    assert_eq!(r.status, 401);

    let r =
        api_error(block_on(with_key(RATE_LIMITED_API_KEY).call("key", Args::new())).unwrap_err());
    assert_eq!(r.status, 429);
    assert!(r.retry_after().is_some());

    let api = with_key(KEY);
    let user = api.scope(args! { "accountKey" => EXPIRED_ACCOUNT_KEY });
    let r = api_error(block_on(user.call("user.info", Args::new())).unwrap_err());
    assert_eq!(r.status, 428);
    assert_eq!(r.tiktok_code(), Some(8));

    let user = api.scope(args! { "accountKey" => SANDBOX_ACCOUNT_KEY });
    let r = block_on(user.call("user.info", Args::new())).unwrap();
    assert_eq!(r.status, 200);
}

#[test]
fn reserved_values_give_tiktok_errors() {
    let s = sandbox();
    let api = client(s.url(), Dialect::Js);
    let cases: Vec<(&str, Args, i64)> = vec![
        (
            "public.check",
            args! { "username" => "doesnotexist" },
            10202,
        ),
        ("public.video", args! { "id" => "1" }, 10204),
        ("public.music", args! { "id" => "1" }, 10203),
        ("public.hashtag", args! { "name" => "blacklisted" }, 10209),
        ("user.live.info", args! { "room_id" => "1" }, 10210),
    ];
    for (key, a, code) in cases {
        let r = api_error(block_on(api.call(key, a)).unwrap_err());
        assert_eq!(r.status, 403, "{key}");
        assert_eq!(r.tiktok_code(), Some(code), "{key}");
        assert_eq!(
            Some(r.message().as_str()),
            r.tiktok_description(),
            "{key}: the docs' description is the message"
        );
    }
}

// Raw HTTP below.

fn http() -> reqwest::Client {
    reqwest::Client::builder().build().unwrap()
}

/// A page of the docs' user's posts, over raw HTTP.
async fn posts(s: &tikapi_sandbox::Sandbox) -> Json {
    http()
        .get(format!("{}/public/posts?secUid={LILY}", s.url()))
        .header("X-API-KEY", KEY)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

fn faulty(s: &tikapi_sandbox::Sandbox, fault: &str) -> reqwest::RequestBuilder {
    http()
        .get(format!("{}/public/check?username=lilyachty", s.url()))
        .header("X-API-KEY", KEY)
        .header("X-Sandbox-Fault", fault)
}

/// The faults that act on the connection; the others are in `router.rs`.
#[tokio::test]
async fn connection_faults_cut_the_connection() {
    let s = start(Config::default()).await.unwrap();
    assert!(faulty(&s, "drop").send().await.is_err(), "drop: no answer");
    assert!(
        faulty(&s, "reset").send().await.is_err(),
        "reset: no answer"
    );

    let r = faulty(&s, "truncate").send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.bytes().await.is_err(), "truncate: the body ends early");

    let body = posts(&s).await;
    let link = body["itemList"][0]["video"]["playAddr"]
        .as_str()
        .unwrap()
        .to_owned();
    let cookie = body["$other"]["videoLinkHeaders"]["Cookie"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = http()
        .get(format!("{link}?size=100000&fault=truncate"))
        .header("Cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.bytes().await.is_err(), "the download stops halfway");

    // And the server is still fine afterwards.
    assert_eq!(faulty(&s, "slow=0").send().await.unwrap().status(), 200);
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hundreds_of_concurrent_connections() {
    let s = start(Config::default()).await.unwrap();
    let mut tasks = Vec::new();
    for i in 0..300 {
        let url = format!("{}/public/check?username=user{i}", s.url());
        tasks.push(tokio::spawn(async move {
            // A fresh client per task: a connection each.
            let r = reqwest::Client::new()
                .get(url)
                .header("X-API-KEY", KEY)
                .send()
                .await
                .unwrap();
            r.status().as_u16()
        }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap(), 200);
    }
    s.stop().await;
}

#[test]
fn the_binary_prints_where_it_listens() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tikapi-sandbox"))
        .args(["--addr", "127.0.0.1:0", "--seed", "3"])
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
        .unwrap_or_else(|| panic!("first line was {line:?}"))
        .to_owned();
    assert!(url.starts_with("http://127.0.0.1:"));
    let r = block_on(client(&url, Dialect::Rust).call("key", Args::new()));
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(r.unwrap().status, 200);

    let out = Command::new(env!("CARGO_BIN_EXE_tikapi-sandbox"))
        .args(["--seed", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--seed"));
}
