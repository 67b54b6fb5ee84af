//! The typed catalogue must say exactly what `data/endpoints.json` says:
//! every endpoint, every parameter, every attribute. Nothing may drift or be
//! dropped silently.

use serde_json::Value as Json;
use tikapi_core::catalogue::{catalogue, CATALOGUE_JSON};
use tikapi_core::{Location, Method, ParamType, Value, Wording};

fn raw() -> Json {
    serde_json::from_str(CATALOGUE_JSON).unwrap()
}

#[test]
fn every_entry_matches_the_data_file() {
    let raw = raw();
    let entries = raw["endpoints"].as_array().unwrap();
    let cat = catalogue();
    assert_eq!(cat.endpoints.len(), entries.len());
    assert_eq!(cat.endpoints.len(), 74);
    assert_eq!(cat.base, raw["base"].as_str().unwrap());
    assert_eq!(cat.sandbox_base, raw["sandboxBase"].as_str().unwrap());
    for (e, r) in cat.endpoints.iter().zip(entries) {
        assert_eq!(e.key, r["key"].as_str().unwrap());
        assert_eq!(
            e.method.as_str(),
            r["method"].as_str().unwrap(),
            "{}",
            e.key
        );
        assert_eq!(e.path, r["path"].as_str().unwrap(), "{}", e.key);
        assert_eq!(e.enctype.as_deref(), r["enctype"].as_str(), "{}", e.key);
        assert_eq!(e.hidden, r["hidden"].as_bool().unwrap(), "{}", e.key);
        assert_eq!(
            e.deprecated,
            r["deprecated"].as_bool().unwrap(),
            "{}",
            e.key
        );
        assert_eq!(
            e.in_official_sdk,
            r["in_official_sdk_3_2_2"].as_bool().unwrap(),
            "{}",
            e.key
        );
        assert_eq!(e.in_docs, r["in_seed_docs"].as_bool().unwrap(), "{}", e.key);
        assert_eq!(
            e.variant.as_deref(),
            r.get("variant").and_then(Json::as_str),
            "{}",
            e.key
        );
        let params = r["params"].as_object().unwrap();
        assert_eq!(e.params.len(), params.len(), "{}", e.key);
        for (p, (name, rp)) in e.params.iter().zip(params) {
            let at = format!("{}.{}", e.key, name);
            assert_eq!(&p.key, name, "{at}: order");
            assert_eq!(
                p.wire,
                rp.get("name").and_then(Json::as_str).unwrap_or(name),
                "{at}"
            );
            assert_eq!(
                p.required,
                rp.get("required").and_then(Json::as_bool).unwrap_or(false),
                "{at}"
            );
            assert_eq!(
                p.validate.as_ref().map(|r| r.as_str()),
                rp.get("validate").and_then(Json::as_str),
                "{at}"
            );
            assert_eq!(p.default, rp.get("default").map(Value::from), "{at}");
            assert_eq!(p.example, rp.get("example").map(Value::from), "{at}");
            assert_eq!(p.max, rp.get("max").and_then(Json::as_f64), "{at}");
            assert_eq!(p.min, rp.get("min").and_then(Json::as_f64), "{at}");
            assert_eq!(
                p.allowed,
                rp.get("in")
                    .and_then(Json::as_array)
                    .map(|a| a.iter().map(Value::from).collect()),
                "{at}"
            );
            let ty = match rp.get("type").and_then(Json::as_str) {
                Some("string") => ParamType::String,
                Some("number") => ParamType::Number,
                Some("boolean") => ParamType::Boolean,
                _ => ParamType::Any,
            };
            assert_eq!(p.ty, ty, "{at}");
            // The behaviour document: query by default for GET, body for POST.
            let location = match rp.get("location").and_then(Json::as_str) {
                Some("headers") => Location::Header,
                Some("path") => Location::Path,
                Some("query") => Location::Query,
                Some("body") => Location::Body,
                None if e.method == Method::Post => Location::Body,
                None => Location::Query,
                Some(other) => panic!("{at}: unknown location {other}"),
            };
            assert_eq!(p.location, location, "{at}");
            let help = rp.get("help").and_then(Json::as_str);
            let help_python = rp.get("help_python").and_then(Json::as_str).or(help);
            assert_eq!(p.help(Wording::Js), help, "{at}");
            assert_eq!(p.help(Wording::Python), help_python, "{at}");
        }
    }
    for (wording, name) in [(Wording::Js, "js"), (Wording::Python, "python")] {
        let words = cat.messages(wording);
        let raw = &raw["messages"][name];
        assert_eq!(words.max, raw["max"].as_str().unwrap());
        assert_eq!(words.min, raw["min"].as_str().unwrap());
        assert_eq!(words.allowed, raw["enum"].as_str().unwrap());
        assert_eq!(words.invalid, raw["invalid"].as_str().unwrap());
        assert_eq!(
            words.enum_separator,
            raw["enum_separator"].as_str().unwrap()
        );
    }
}

#[test]
fn keys_categories_and_forms() {
    let cat = catalogue();
    assert_eq!(cat.keys().len(), 73);
    assert_eq!(cat.forms("public.discover").len(), 2);
    assert_eq!(
        cat.categories(),
        [
            "public",
            "user",
            "user.posts",
            "user.posts.comments",
            "user.conversationRequests",
            "user.live"
        ]
    );
    // Inherited parameters come first, in the official order.
    for e in &cat.endpoints {
        let inherited: Vec<&str> = e
            .params
            .iter()
            .take_while(|p| p.is_inherited())
            .map(|p| p.key.as_str())
            .collect();
        let expected: &[&str] = if e.key.starts_with("public.") {
            &["apiKey", "country", "session_id"]
        } else if e.key.starts_with("user.") {
            &["apiKey", "accountKey"]
        } else {
            &["apiKey"]
        };
        assert_eq!(inherited, expected, "{}", e.key);
    }
}

#[test]
fn the_discover_form_follows_the_arguments() {
    let cat = catalogue();
    let with_category = cat.select("public.discover", |n| n == "category").unwrap();
    assert_eq!(with_category.path, "/public/discover/{category}");
    let with_keyword = cat.select("public.discover", |n| n == "keyword").unwrap();
    assert_eq!(with_keyword.path, "/public/discover/v3");
    let with_nothing = cat.select("public.discover", |_| false).unwrap();
    assert_eq!(with_nothing.path, "/public/discover/v3");
}

#[test]
fn unknown_attributes_are_rejected() {
    let bad = r#"{"base":"b","sandboxBase":"s","endpoints":[{"key":"k","method":"GET","path":"/","enctype":null,"hidden":false,"deprecated":false,"params":{"x":{"typo":1}},"in_official_sdk_3_2_2":true,"in_seed_docs":true}]}"#;
    let err = tikapi_core::catalogue::parse(bad).unwrap_err();
    assert!(err.contains("typo"), "{err}");
}

#[test]
fn the_export_carries_every_endpoint_and_the_category_tree() {
    let export: serde_json::Value =
        serde_json::from_str(&tikapi_core::catalogue::export_json()).unwrap();
    let endpoints = export["endpoints"].as_array().unwrap();
    assert_eq!(endpoints.len(), tikapi_core::catalogue().endpoints.len());
    let check = &endpoints[0];
    assert_eq!(check["key"], "public.check");
    assert_eq!(check["method"], "GET");
    assert_eq!(check["inOfficialSdk"], true);
    let api_key = &check["params"][0];
    assert_eq!(api_key["key"], "apiKey");
    assert_eq!(api_key["location"], "headers");
    assert_eq!(
        (api_key["secret"].clone(), api_key["inherited"].clone()),
        (true.into(), true.into())
    );
    // Every endpoint key once in the tree, under its category path.
    fn walk(node: &serde_json::Value, keys: &mut Vec<String>) {
        for entry in node["entries"].as_array().unwrap() {
            match entry.get("endpoint") {
                Some(key) => {
                    let key = key.as_str().unwrap();
                    let path = node["path"].as_str().unwrap();
                    let name = entry["name"].as_str().unwrap();
                    let expected = if path.is_empty() {
                        name.to_owned()
                    } else {
                        format!("{path}.{name}")
                    };
                    assert_eq!(key, expected);
                    keys.push(key.to_owned());
                }
                None => walk(&entry["category"], keys),
            }
        }
    }
    let mut keys = Vec::new();
    walk(&export["categories"], &mut keys);
    let expected: Vec<String> = tikapi_core::catalogue()
        .keys()
        .iter()
        .map(|k| k.to_string())
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    let mut want = expected.clone();
    want.sort();
    assert_eq!(sorted, want);
    assert_eq!(export["categories"]["path"], "");
    assert_eq!(export["categories"]["entries"][0]["name"], "public");
}

const MESSAGES: &str = r#"{"js":{"invalid":"i","max":"x","min":"n","enum":"e","enum_separator":","},"python":{"invalid":"i","max":"x","min":"n","enum":"e","enum_separator":", "}}"#;

#[test]
fn unknown_values_in_the_catalogue_are_parse_errors() {
    let doc = |param: &str| {
        format!(
            r#"{{"base":"https://a","sandboxBase":"http://b","category_positional":{{"":[]}},"endpoints":[{{"key":"k","method":"GET","path":"/k","positional":[],"params":{{"p":{param}}}}}],"messages":{MESSAGES}}}"#
        )
    };
    assert!(tikapi_core::catalogue::parse(&doc(r#"{"type":"string"}"#)).is_ok());
    for bad in [
        r#"{"location":"cookie"}"#,
        r#"{"type":"text"}"#,
        r#"{"required":"yes"}"#,
        r#"{"colour":"red"}"#,
    ] {
        let err = tikapi_core::catalogue::parse(&doc(bad)).err();
        assert!(err.is_some(), "{bad} was accepted");
    }
    let bad_method = doc("{}").replace("\"GET\"", "\"PUT\"");
    assert!(tikapi_core::catalogue::parse(&bad_method).is_err());
    // Both official wordings are required, and nothing else.
    let one_wording = doc("{}").replace(r#","python":{"#, r#","rust":{"#);
    assert!(tikapi_core::catalogue::parse(&one_wording).is_err());
    let no_python = doc("{}").replace(
        r#","python":{"invalid":"i","max":"x","min":"n","enum":"e","enum_separator":", "}"#,
        "",
    );
    let err = tikapi_core::catalogue::parse(&no_python).unwrap_err();
    assert!(err.contains("Python"), "{err}");
}
