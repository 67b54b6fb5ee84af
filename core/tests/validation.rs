//! Resolution and validation: every source and precedence, every rule kind on
//! every parameter kind, the `field` the official SDKs report, the leniencies
//! the README lists, and messages that name the problem but never a key.

use serde_json::Value as Json;
use tikapi_core::{Args, CallOptions, Client, Dialect, Error, Options, Rule, Value};

fn client(dialect: Dialect, sandbox: bool) -> Client {
    let api = Client::with_dialect("Zyxwvutsrq9876543210", dialect);
    let o = Options::default()
        .with_base("http://127.0.0.1:9".into())
        .with_sandbox_base("http://127.0.0.1:9".into());
    api.set(&Args::new(), Some(sandbox), Some(&o));
    api
}

fn prepare(api: &Client, key: &str, args: Args) -> Result<tikapi_core::Request, Error> {
    api.prepare(key, &args, &CallOptions::default())
}

/// The field, the rule and the detail (the precise explanation).
fn field_of(r: Result<tikapi_core::Request, Error>) -> (String, Rule, String) {
    match r {
        Err(Error::Validation(v)) => (v.field, v.rule, v.detail),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn query(r: &tikapi_core::Request) -> Vec<(&str, &str)> {
    r.query
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

#[test]
fn every_rule_of_every_parameter_fails_with_the_official_field_and_words() {
    let fx: Json = serde_json::from_str(include_str!("fixtures/official_validation.json")).unwrap();
    let cases = fx["cases"].as_array().unwrap();
    assert!(cases.len() > 1000);
    let mut rules_seen = std::collections::HashSet::new();
    for case in cases {
        let key = case["key"].as_str().unwrap();
        let param = case["param"].as_str().unwrap();
        let rule = case["rule"].as_str().unwrap();
        let sandbox = case["sandbox"].as_bool().unwrap();
        let args: Args = case["args"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), Value::from(v)))
            .collect();
        for (dialect, side) in [(Dialect::Js, "js"), (Dialect::Python, "python")] {
            let label = format!("{key}.{param} breaking {rule}, sandbox {sandbox} ({dialect:?})");
            let result = prepare(&client(dialect, sandbox), key, args.clone());
            let expected = case[side].as_str().unwrap();
            if expected == "OK" {
                assert!(
                    result.is_ok(),
                    "{label}: the official SDK sends it: {result:?}"
                );
                continue;
            }
            let (field, got_rule, message, detail) = match result {
                Err(Error::Validation(v)) => (v.field, v.rule, v.message, v.detail),
                other => panic!("{label}: expected a validation error, got {other:?}"),
            };
            if expected.starts_with("CRASH") {
                // Where the official Python SDK crashes (a TypeError joining
                // numeric allowed values), we reject on the field the JS SDK
                // reports, in the Python template.
                assert_eq!(field, case["js"].as_str().unwrap(), "{label}");
                assert_eq!(
                    message, "The sort parameter should be one of these values: 0, 1",
                    "{label}"
                );
            } else {
                assert_eq!(field, expected, "{label}");
                let words = case[format!("{side}_message")].as_str().unwrap();
                assert_eq!(message, words, "{label}: the official words");
            }
            if !rule.contains('+') && rule != "several" {
                assert_eq!(got_rule.name(), rule, "{label}: {detail}");
            }
            assert!(
                detail.contains(&field),
                "{label}: detail {detail:?} names the parameter"
            );
            for text in [&message, &detail] {
                assert!(
                    !text.contains("Abcdefghij0123456789"),
                    "{label}: no key in {text:?}"
                );
            }
            rules_seen.insert(rule.to_owned());
        }
    }
    assert_eq!(rules_seen.len(), 8, "{rules_seen:?}");
}

#[test]
fn precedence_call_then_bound_then_example_then_default() {
    // Default only (production): count=30.
    let api = client(Dialect::Js, false);
    let sec = "MS4wLjABAAAA".to_owned() + &"s".repeat(40);
    let r = prepare(
        &api,
        "public.posts",
        Args::new().with("secUid", sec.as_str()),
    )
    .unwrap();
    assert_eq!(query(&r), [("secUid", sec.as_str()), ("count", "30")]);

    // Sandbox: examples fill what is missing, before defaults.
    let sandbox = client(Dialect::Js, true);
    let r = prepare(&sandbox, "public.check", Args::new()).unwrap();
    assert_eq!(
        query(&r),
        [
            ("country", "us"),
            ("session_id", "0"),
            ("username", "lilyachty")
        ]
    );

    // Bound values beat examples and defaults.
    sandbox.set(
        &Args::new().with("country", "gb").with("count", 10),
        None,
        None,
    );
    let r = prepare(&sandbox, "public.explore", Args::new()).unwrap();
    assert_eq!(
        query(&r),
        [("country", "gb"), ("session_id", "0"), ("count", "10")]
    );

    // Call arguments beat bound values; explicit nulls are absent.
    let r = prepare(
        &sandbox,
        "public.explore",
        Args::new().with("count", 5).with("country", Value::Null),
    )
    .unwrap();
    assert_eq!(
        query(&r),
        [("country", "gb"), ("session_id", "0"), ("count", "5")]
    );

    // A category scope binds its own values above the root's.
    let scope = sandbox.scope(Args::new().with("country", "fr"));
    let r = prepare(&scope, "public.explore", Args::new()).unwrap();
    assert_eq!(query(&r)[0], ("country", "fr"));
    // ...and later `set`s on the root still reach it for other names.
    sandbox.set(&Args::new().with("session_id", 4), None, None);
    let r = prepare(&scope, "public.explore", Args::new()).unwrap();
    assert_eq!(query(&r)[1], ("session_id", "4"));

    // Undeclared names are not sent.
    let r = prepare(&sandbox, "public.explore", Args::new().with("bogus", 1)).unwrap();
    assert!(!r.url.contains("bogus"));
}

#[test]
fn account_key_comes_from_call_scope_or_sandbox() {
    let sandbox = client(Dialect::Python, true);
    let header = |r: &tikapi_core::Request| {
        r.headers
            .iter()
            .find(|(k, _)| k == "X-ACCOUNT-KEY")
            .map(|(_, v)| v.clone())
            .unwrap()
    };
    let r = prepare(&sandbox, "user.info", Args::new()).unwrap();
    assert_eq!(header(&r), tikapi_core::catalogue::SANDBOX_ACCOUNT_KEY);
    let user = sandbox.scope(Args::new().with("accountKey", "Mine0123456789"));
    assert_eq!(
        header(&prepare(&user, "user.info", Args::new()).unwrap()),
        "Mine0123456789"
    );
    let r = prepare(
        &user,
        "user.info",
        Args::new().with("accountKey", "Call0123456789"),
    )
    .unwrap();
    assert_eq!(header(&r), "Call0123456789");
    // Production with no account key anywhere: required.
    let prod = client(Dialect::Python, false);
    let (field, rule, message) = field_of(prepare(&prod, "user.info", Args::new()));
    assert_eq!((field.as_str(), rule), ("accountKey", Rule::Required));
    assert!(message.contains("user.info"), "{message}");
}

#[test]
fn first_broken_parameter_wins_in_declared_order() {
    let api = client(Dialect::Js, false);
    // media_id has the wrong type and comment_id is missing: media_id comes first.
    let (field, rule, _) = field_of(prepare(
        &api,
        "public.commentRepliesList",
        Args::new().with("media_id", true),
    ));
    assert_eq!((field.as_str(), rule), ("media_id", Rule::Type));
    let (field, rule, _) = field_of(prepare(
        &api,
        "public.commentRepliesList",
        Args::new().with("media_id", "1"),
    ));
    assert_eq!((field.as_str(), rule), ("comment_id", Rule::Required));
}

#[test]
fn leniencies_accept_plainly_meant_values() {
    let api = client(Dialect::Js, false);
    // An integer for a numeric-string cursor or id is sent as its digits.
    let r = prepare(
        &api,
        "public.commentsList",
        Args::new()
            .with("media_id", 7109178205151464746i64)
            .with("cursor", 40),
    )
    .unwrap();
    assert_eq!(
        query(&r),
        [
            ("media_id", "7109178205151464746"),
            ("count", "30"),
            ("cursor", "40")
        ]
    );
    // A numeric string for a number is sent as the number.
    let r = prepare(&api, "public.explore", Args::new().with("count", "12")).unwrap();
    assert_eq!(query(&r), [("count", "12")]);
    // ...but still checked against the number's rules.
    let (field, rule, _) = field_of(prepare(
        &api,
        "public.explore",
        Args::new().with("count", "31"),
    ));
    assert_eq!((field.as_str(), rule), ("count", Rule::Max));
    // Negative integers are not plainly ids.
    let (field, rule, _) = field_of(prepare(
        &api,
        "public.commentsList",
        Args::new().with("media_id", -1),
    ));
    assert_eq!((field.as_str(), rule), ("media_id", Rule::Type));
}

#[test]
fn numbers_must_be_finite_and_values_print_like_the_host() {
    let api = client(Dialect::Python, false);
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let (field, rule, message) = field_of(prepare(
            &api,
            "public.explore",
            Args::new().with("count", bad),
        ));
        assert_eq!((field.as_str(), rule), ("count", Rule::Finite), "{message}");
    }
    // A fractional count breaks the digits pattern, as in the official SDKs.
    let (field, rule, _) = field_of(prepare(
        &api,
        "public.explore",
        Args::new().with("count", 5.5),
    ));
    assert_eq!((field.as_str(), rule), ("count", Rule::Pattern));
    // Python prints 5.0 as "5.0", which the pattern rejects; JavaScript prints "5".
    let (field, _, _) = field_of(prepare(
        &api,
        "public.explore",
        Args::new().with("count", 5.0),
    ));
    assert_eq!(field, "count");
    let js = client(Dialect::Js, false);
    let r = prepare(&js, "public.explore", Args::new().with("count", 5.0)).unwrap();
    assert_eq!(query(&r), [("count", "5")]);
}

#[test]
fn enum_and_type_messages_are_clear() {
    let api = client(Dialect::Js, false);
    let (_, _, m) = field_of(prepare(
        &api,
        "public.search",
        Args::new().with("category", "people").with("query", "x"),
    ));
    assert!(m.contains("\"general\"") && m.contains("\"people\""), "{m}");
    let (_, _, m) = field_of(prepare(
        &api,
        "public.explore",
        Args::new().with("count", Value::Array(vec![])),
    ));
    assert!(m.contains("number") && m.contains("array"), "{m}");
    // Huge values are shortened in messages.
    let huge = "x".repeat(100_000);
    let (_, _, m) = field_of(prepare(
        &api,
        "public.check",
        Args::new()
            .with("username", huge.as_str())
            .with("country", "USA"),
    ));
    assert!(m.len() < 400, "{}", m.len());
    // A bad key is named, its value is not shown.
    let bad = Client::with_dialect("short!", Dialect::Js);
    let (field, _, m) = field_of(prepare(&bad, "key", Args::new()));
    assert_eq!(field, "apiKey");
    assert!(!m.contains("short!"), "{m}");
}

#[test]
fn unknown_endpoints_are_usage_errors() {
    let api = client(Dialect::Js, false);
    let err = prepare(&api, "public.nope", Args::new()).unwrap_err();
    assert!(
        matches!(&err, Error::Usage(m) if m.contains("public.nope")),
        "{err}"
    );
}

#[test]
fn the_message_is_the_official_words_and_the_detail_explains() {
    let words = |dialect, key, args: Args| match prepare(&client(dialect, false), key, args) {
        Err(Error::Validation(v)) => (v.message, v.detail),
        other => panic!("expected a validation error, got {other:?}"),
    };
    let bad_id = Args::new()
        .with("accountKey", "Abcdefghij0123456789")
        .with("media_id", "not-a-video-id");
    for dialect in [Dialect::Js, Dialect::Python, Dialect::Rust] {
        let (message, detail) = words(dialect, "user.posts.like", bad_id.clone());
        assert_eq!(
            message,
            "The video ID. Can also be a short TikTok link (e.g. vm.tiktok.com/UwU)"
        );
        assert!(
            detail.contains("^([0-9]+|https?://vm.tiktok.com/[a-zA-Z0-9]+/?)$")
                && detail.contains("\"not-a-video-id\""),
            "{detail}"
        );
    }
    // Bounds: each SDK's own template, the wire name and the bound.
    let many = Args::new().with("session_id", 101).with("username", "a");
    let (message, detail) = words(Dialect::Js, "public.check", many.clone());
    assert_eq!(
        message,
        "The maximum allowed value allowed for the session_id parameter is 100"
    );
    assert!(
        detail.contains("at most 100") && detail.contains("101"),
        "{detail}"
    );
    let (message, _) = words(Dialect::Python, "public.check", many);
    assert_eq!(
        message,
        "The maximum allowed value for the session_id parameter is 100"
    );
    // A leniency (a numeric string for a number) then a broken bound: the
    // official SDKs refuse the string by its type, with the help text.
    let (message, detail) = words(
        Dialect::Js,
        "public.check",
        Args::new().with("session_id", "101").with("username", "a"),
    );
    assert!(
        message.starts_with("(Optional) Longer sessions."),
        "{message}"
    );
    assert!(detail.contains("at most 100"), "{detail}");
    // A key is never shown, in either text.
    let (message, detail) = words(
        Dialect::Python,
        "user.info",
        Args::new().with("accountKey", "short!key"),
    );
    assert_eq!(message, "The Account Key is required");
    assert!(!detail.contains("short!key"), "{detail}");
}
