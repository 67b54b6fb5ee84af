//! `tikapi schema`: an endpoint's answer as JSON Schema, with no key needed.

use std::process::Command;

use serde_json::Value as Json;

const BIN: &str = env!("CARGO_BIN_EXE_tikapi");

fn schema(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN)
        .env_remove("TIKAPI_KEY")
        .arg("schema")
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn prints_an_endpoints_json_schema() {
    let (code, out, _) = schema(&["public.check"]);
    assert_eq!(code, 0);
    let s: Json = serde_json::from_str(&out).unwrap();
    assert_eq!(s["title"], "PublicCheckBody");
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(s["properties"]["userInfo"]["$ref"], "#/$defs/UserInfo");
    assert_eq!(s["$defs"]["User"]["properties"]["id"]["x-source"], "real");
    assert!(s["required"]
        .as_array()
        .unwrap()
        .contains(&"statusCode".into()));
}

#[test]
fn the_error_answer_every_answer_and_the_list() {
    let (code, out, _) = schema(&["error"]);
    assert_eq!(code, 0);
    assert_eq!(
        serde_json::from_str::<Json>(&out).unwrap()["title"],
        "ErrorBody"
    );
    let (code, out, _) = schema(&["--all"]);
    assert_eq!(code, 0);
    let all: Json = serde_json::from_str(&out).unwrap();
    assert_eq!(
        all["x-endpoints"]["public.posts"]["items"][0]["$ref"],
        "#/$defs/Item"
    );
    let (code, out, _) = schema(&[]);
    assert_eq!(code, 0);
    assert!(
        out.contains("user.live.chat") && out.contains("UserLiveChatBody"),
        "{out}"
    );
}

#[test]
fn an_unknown_endpoint_is_a_usage_error() {
    let (code, _, err) = schema(&["public.chek"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean public.check"), "{err}");
}
