//! Drop-in details the bindings build on (issue 13): the positional order of
//! the official SDK in the catalogue, the request a response answers, and
//! independent copies of a client.

mod support;

use tikapi_core::catalogue::catalogue;
use tikapi_core::{args, Args, Client, Options};

#[test]
fn positional_order_is_the_official_one() {
    let cat = catalogue();
    let check = cat.get("public.check").unwrap();
    assert_eq!(
        check.positional,
        ["username", "user_id", "country", "session_id"]
    );
    // The official SDK moves session_id ahead of nextCursor and country here.
    let search = cat.get("public.search").unwrap();
    assert_eq!(
        search.positional,
        ["category", "query", "session_id", "nextCursor", "country"]
    );
    // User endpoints take the account key from the scope, never by position.
    let info = cat.get("user.info").unwrap();
    assert_eq!(info.positional, ["username"]);
    for e in &cat.endpoints {
        for name in &e.positional {
            assert!(e.declares(name), "{}: {name}", e.key);
        }
    }
    // Of public.discover's two forms only the official SDK's binds positions.
    let forms = cat.forms("public.discover");
    let with: Vec<_> = forms.iter().filter(|f| !f.positional.is_empty()).collect();
    assert_eq!(with.len(), 1);
    assert!(with[0].in_official_sdk);
    let cats = &cat.category_positional;
    assert_eq!(cats[""], ["apiKey"]);
    assert_eq!(cats["public"], ["country", "session_id"]);
    assert_eq!(cats["user"], ["accountKey"]);
    assert!(cats["user.posts"].is_empty());
    assert_eq!(cats.len(), cat.categories().len() + 1);
}

#[test]
fn bad_positional_data_is_refused() {
    let good = tikapi_core::catalogue::CATALOGUE_JSON;
    let mut doc: serde_json::Value = serde_json::from_str(good).unwrap();
    doc["endpoints"][0]["positional"] = serde_json::json!(["nope"]);
    let err = tikapi_core::catalogue::parse(&doc.to_string()).unwrap_err();
    assert!(err.contains("\"nope\" is not a parameter"), "{err}");
    let mut doc: serde_json::Value = serde_json::from_str(good).unwrap();
    doc["endpoints"][0]
        .as_object_mut()
        .unwrap()
        .remove("positional");
    let err = tikapi_core::catalogue::parse(&doc.to_string()).unwrap_err();
    assert!(err.contains("no positional"), "{err}");
    let mut doc: serde_json::Value = serde_json::from_str(good).unwrap();
    doc["category_positional"]
        .as_object_mut()
        .unwrap()
        .remove("user.live");
    let err = tikapi_core::catalogue::parse(&doc.to_string()).unwrap_err();
    assert!(err.contains("\"user.live\" is not listed"), "{err}");
    let mut doc: serde_json::Value = serde_json::from_str(good).unwrap();
    doc["category_positional"]["public"] = serde_json::json!(["accountKey"]);
    let err = tikapi_core::catalogue::parse(&doc.to_string()).unwrap_err();
    assert!(err.contains("declares \"accountKey\""), "{err}");
}

fn client_at(url: &str) -> Client {
    let api = Client::new("Abcdefghij0123456789");
    let options = Options::default().with_base(url.to_owned());
    api.set(&Args::new(), None, Some(&options));
    api
}

#[test]
fn a_response_knows_the_request_it_answers() {
    let server = support::serve(vec![support::json(200, r#"{"status":"success"}"#)]);
    let api = client_at(&server.url);
    let user = api.scope(args! { "accountKey" => "Accountkey0123456789" });
    let r = tikapi_core::runtime::block_on(user.call(
        "user.posts.comments.post",
        args! { "media_id" => "7109178205151464746", "text" => "hi" },
    ))
    .unwrap();
    let req = r.request().expect("a response of a call has its request");
    assert_eq!(req.method.as_str(), "POST");
    assert_eq!(req.url, format!("{}/user/comment", server.url));
    let header = |n: &str| {
        req.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(n))
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(header("X-API-KEY"), Some("Abcdefghij0123456789"));
    assert_eq!(header("X-ACCOUNT-KEY"), Some("Accountkey0123456789"));
    let body: serde_json::Value = serde_json::from_slice(&req.body_bytes().unwrap()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"media_id": "7109178205151464746", "text": "hi", "has_tags": false})
    );
    // What the server saw is what the response says was sent.
    let seen = server.seen.lock().unwrap()[0].clone();
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&seen.body).unwrap(),
        body
    );
    assert_eq!(seen.target(), "/user/comment");
    assert_eq!(
        seen.header("x-account-key").as_deref(),
        Some("Accountkey0123456789")
    );
    // The debug form of the request hides the keys.
    let debug = format!("{req:?}");
    assert!(!debug.contains("Abcdefghij0123456789") && !debug.contains("Accountkey0123456789"));
}

#[test]
fn duplicates_are_independent() {
    let api = Client::new("Abcdefghij0123456789");
    api.set(&args! { "country" => "us" }, Some(true), None);
    let user = api.scope(args! { "accountKey" => "Accountkey0123456789" });
    let copy = user.duplicate();
    copy.set(
        &args! { "accountKey" => "Otherkey000000000000", "country" => "gb" },
        Some(false),
        None,
    );
    let none = tikapi_core::CallOptions::default();
    let original = user.prepare("user.info", &Args::new(), &none).unwrap();
    let copied = copy.prepare("user.info", &Args::new(), &none).unwrap();
    let account = |r: &tikapi_core::Request| {
        r.headers
            .iter()
            .find(|(k, _)| k == "X-ACCOUNT-KEY")
            .map(|(_, v)| v.clone())
    };
    assert_eq!(account(&original).as_deref(), Some("Accountkey0123456789"));
    assert_eq!(account(&copied).as_deref(), Some("Otherkey000000000000"));
    assert!(user.sandbox(None) && !copy.sandbox(None));
    // The copied root is independent too: the original's root is unchanged.
    let root_copy = api.duplicate();
    root_copy.set(&args! { "country" => "ca" }, None, None);
    let q = |c: &Client| {
        c.prepare("public.check", &Args::new(), &none)
            .unwrap()
            .query
            .clone()
    };
    assert!(q(&api).contains(&("country".into(), "us".into())));
    assert!(q(&root_copy).contains(&("country".into(), "ca".into())));
}
