//! The sandbox's answers against the core's answer schema
//! (`core/data/answers.json`): every endpoint form, several pages of each
//! paged one, and the error answers, validate; the docs' sample envelopes
//! hold; and the key paths of real TikAPI answers
//! (`tests/fixtures/real_key_paths/`) are carried by the sandbox's answers
//! of the same endpoints.

use std::collections::BTreeSet;

use serde_json::Value as Json;
use tikapi_core::answers::{validate, validate_error};
use tikapi_core::runtime::block_on;
use tikapi_core::{args, catalogue, Args, Client, Dialect, Error, Options, Response};
use tikapi_sandbox::{
    start_background, Background, Config, EXPIRED_ACCOUNT_KEY, INVALID_API_KEY,
    RATE_LIMITED_API_KEY,
};

const KEY: &str = tikapi_core::catalogue::SANDBOX_API_KEY;
/// Pages of each paged endpoint the validation walks.
const PAGES: usize = 3;

fn sandbox() -> Background {
    start_background(Config::default()).expect("sandbox starts")
}

fn client_with_key(url: &str, key: &str) -> Client {
    let api = Client::with_dialect(key, Dialect::Js);
    let o = Options::default()
        .with_sandbox_base(url.into())
        .with_base(url.into());
    api.set(&Args::new(), Some(true), Some(&o));
    api
}

fn client(url: &str) -> Client {
    client_with_key(url, KEY)
}

fn json(r: &Response) -> &Json {
    r.json().expect("a JSON body")
}

/// The arguments that reach every form of the catalogue, with variants that
/// change what an answer holds.
fn calls() -> Vec<(String, Args)> {
    let mut out = Vec::new();
    for ep in &catalogue().endpoints {
        let mut a = Args::new();
        for p in &ep.params {
            if p.required && p.example.is_none() && !p.is_secret() {
                a.set(&p.key, "lilyachty");
            }
        }
        if ep.key == "public.discover" && ep.path.contains("{category}") {
            for category in ["users", "music", "hashtag"] {
                let mut a = a.clone();
                a.set("category", category);
                out.push((ep.key.clone(), a));
            }
            continue;
        }
        out.push((ep.key.clone(), a));
    }
    for category in ["general", "users", "videos", "autocomplete"] {
        out.push((
            "public.search".into(),
            args! { "category" => category, "query" => "lilyachty" },
        ));
    }
    out.push(("public.hashtag".into(), args! { "name" => "lilyachty" }));
    out.push((
        "public.hashtag".into(),
        args! { "id" => "4655293", "name" => "lilyachty" },
    ));
    out.push((
        "public.check".into(),
        args! { "username" => "sunny_panda42" },
    ));
    for filter in ["likes", "comments", "mentions", "followers"] {
        out.push(("user.notifications".into(), args! { "filter" => filter }));
    }
    out
}

/// Every page a call gives, up to [`PAGES`].
fn pages(api: &Client, key: &str, a: Args) -> Vec<Response> {
    let first = block_on(api.call(key, a)).unwrap_or_else(|e| panic!("{key}: {e}"));
    let mut out = vec![first];
    while out.len() < PAGES {
        match block_on(Client::next_page(out.last().unwrap())) {
            Ok(Some(r)) => out.push(r),
            Ok(None) => break,
            Err(e) => panic!("{key}: {e}"),
        }
    }
    out
}

#[test]
fn every_answer_validates_against_its_endpoints_schema() {
    let s = sandbox();
    let api = client(s.url());
    let mut problems = Vec::new();
    let mut checked = 0;
    let mut keys = BTreeSet::new();
    for (key, a) in calls() {
        for (n, r) in pages(&api, &key, a.clone()).iter().enumerate() {
            for p in validate(&key, json(r)) {
                problems.push(format!("{key} {a:?} page {}: {p}", n + 1));
            }
            checked += 1;
        }
        keys.insert(key);
    }
    assert_eq!(
        keys.len(),
        catalogue().keys().len(),
        "every endpoint is called"
    );
    assert!(checked > 150, "{checked} answers");
    assert!(
        problems.is_empty(),
        "{} problems, first ones:\n{}",
        problems.len(),
        problems[..problems.len().min(40)].join("\n")
    );
}

#[test]
fn error_answers_validate_against_the_error_schema() {
    let s = sandbox();
    let body = |e: Error| match e {
        Error::Api(r) => r.json().cloned().expect("a JSON error body"),
        other => panic!("not an API error: {other}"),
    };
    let api = client(s.url());
    let mut errors = vec![
        body(
            block_on(api.call("public.check", args! { "username" => "doesnotexist" })).unwrap_err(),
        ),
        body(block_on(api.call("public.video", args! { "id" => "1" })).unwrap_err()),
        body(block_on(api.call("public.hashtag", args! { "id" => "1" })).unwrap_err()),
    ];
    for key in [INVALID_API_KEY, RATE_LIMITED_API_KEY] {
        let api = client_with_key(s.url(), key);
        errors.push(body(
            block_on(api.call("public.check", args! { "username" => "lilyachty" })).unwrap_err(),
        ));
    }
    let expired = client(s.url());
    errors.push(body(
        block_on(expired.call(
            "user.info",
            args! { "accountKey" => EXPIRED_ACCOUNT_KEY, "username" => "lilyachty" },
        ))
        .unwrap_err(),
    ));
    for e in &errors {
        assert_eq!(e["status"], "error", "{e}");
        assert_eq!(validate_error(e), Vec::<String>::new(), "{e}");
    }
}

#[test]
fn the_docs_sample_envelopes_hold() {
    let s = sandbox();
    let api = client(s.url());
    let r = block_on(api.call("public.posts", args! {})).unwrap();
    let posts = json(&r);
    for k in [
        "status",
        "message",
        "statusCode",
        "status_code",
        "extra",
        "log_pb",
        "itemList",
        "cursor",
        "hasMore",
    ] {
        assert!(posts.get(k).is_some(), "/public/posts lacks {k}");
    }
    assert_eq!(posts["statusCode"], 0);
    for key in ["public.commentsList", "user.posts.comments.list"] {
        let r = block_on(api.call(key, args! {})).unwrap();
        for k in [
            "comments",
            "cursor",
            "has_more",
            "total",
            "reply_style",
            "status_code",
            "extra",
            "log_pb",
        ] {
            assert!(json(&r).get(k).is_some(), "{key} lacks {k}");
        }
    }
}

#[test]
fn answers_show_the_variety_of_real_ones() {
    let s = sandbox();
    let api = client(s.url());
    let mut items = Vec::new();
    for r in pages(&api, "public.hashtag", args! { "id" => "4655293" }) {
        items.extend(json(&r)["itemList"].as_array().unwrap().iter().cloned());
    }
    let count = |f: &dyn Fn(&Json) -> bool| items.iter().filter(|i| f(i)).count();
    assert!(count(&|i| i.get("imagePost").is_some()) > 0, "photo posts");
    assert!(count(&|i| i["duetInfo"]["duetFromId"] != "0") > 0, "duets");
    let entries = |i: &Json, kind: u64| -> Vec<Json> {
        i["textExtra"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["type"] == kind)
            .cloned()
            .collect()
    };
    assert!(count(&|i| !entries(i, 0).is_empty()) > 0, "mentions");
    assert_eq!(
        count(&|i| !entries(i, 1).is_empty()),
        items.len(),
        "hashtags"
    );
    // Offsets point at the words they describe.
    for i in &items {
        let desc: Vec<char> = i["desc"].as_str().unwrap().chars().collect();
        for e in i["textExtra"].as_array().unwrap() {
            let (a, b) = (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
            );
            let word: String = desc[a..b].iter().collect();
            let expect = if e["type"] == 1 {
                format!("#{}", e["hashtagName"].as_str().unwrap())
            } else {
                format!("@{}", e["userUniqueId"].as_str().unwrap())
            };
            assert_eq!(word, expect);
        }
    }
    let mut kinds = BTreeSet::new();
    for r in pages(&api, "user.live.chat", args! {}) {
        for m in json(&r)["messagesList"].as_array().unwrap() {
            kinds.insert(m["messageType"].as_str().unwrap().to_owned());
        }
    }
    for k in [
        "ChatMessage",
        "GiftMessage",
        "LikeMessage",
        "MemberMessage",
        "SocialMessage",
        "RoomUserSeqMessage",
    ] {
        assert!(kinds.contains(k), "no {k} in {kinds:?}");
    }
}

/// Every key path of a body, with its JSON type, as the fixtures write them.
fn key_paths(v: &Json, at: &str, out: &mut BTreeSet<String>) {
    let ty = match v {
        Json::Object(_) => "obj",
        Json::Array(_) => "arr",
        Json::String(_) => "str",
        Json::Number(_) => "num",
        Json::Bool(_) => "bool",
        Json::Null => "null",
    };
    if !at.is_empty() {
        out.insert(format!("{at} {ty}"));
    }
    let join = |k: &str| {
        if at.is_empty() {
            k.to_owned()
        } else {
            format!("{at}.{k}")
        }
    };
    match v {
        Json::Object(m) => m.iter().for_each(|(k, v)| key_paths(v, &join(k), out)),
        Json::Array(a) => a.iter().for_each(|v| key_paths(v, &join("[]"), out)),
        _ => {}
    }
}

/// The fixture's paths, int and num both as number.
fn real_paths(file: &str) -> BTreeSet<String> {
    let path = format!(
        "{}/tests/fixtures/real_key_paths/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.replace(" int", " num"))
        .collect()
}

/// The share of a real answer's key paths that the sandbox's answers carry,
/// and the ones they miss.
fn coverage(real: &BTreeSet<String>, ours: &BTreeSet<String>) -> (f64, Vec<String>) {
    let missing: Vec<String> = real.difference(ours).cloned().collect();
    let share = (real.len() - missing.len()) as f64 / real.len() as f64;
    (share, missing)
}

#[test]
fn the_sandbox_carries_the_key_paths_of_real_answers() {
    let s = sandbox();
    let api = client(s.url());
    let cases: [(&str, &str, Vec<Args>); 3] = [
        (
            "public_check.txt",
            "public.check",
            vec![
                args! { "username" => "lilyachty" },
                args! { "username" => "sunny_panda42" },
            ],
        ),
        (
            "public_hashtag.txt",
            "public.hashtag",
            vec![args! { "id" => "4655293" }],
        ),
        ("user_live_chat.txt", "user.live.chat", vec![args! {}]),
    ];
    let mut report = Vec::new();
    for (file, key, calls) in cases {
        let mut ours = BTreeSet::new();
        for a in calls {
            for r in pages(&api, key, a) {
                key_paths(json(&r), "", &mut ours);
            }
        }
        let real = real_paths(file);
        let (share, missing) = coverage(&real, &ours);
        report.push(format!(
            "{key}: {:.1} % of {} paths",
            share * 100.0,
            real.len()
        ));
        assert!(
            share >= 0.95,
            "{key}: {:.1} %, missing {missing:#?}",
            share * 100.0
        );
    }
    println!("{}", report.join("\n"));
}
