//! Rewrites the README's endpoint table from the catalogue:
//! `cargo run -p tikapi-core --example endpoint_table -- README.md`

const BEGIN: &str = "<!-- endpoints:begin (generated: cargo run -p tikapi-core --example endpoint_table -- README.md) -->\n";
const END: &str = "<!-- endpoints:end -->";

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "README.md".into());
    let text = std::fs::read_to_string(&path).expect("the README is readable");
    let (Some(b), Some(e)) = (text.find(BEGIN), text.find(END)) else {
        eprintln!("{path} has no endpoint table markers");
        std::process::exit(2);
    };
    let table = tikapi_core::catalogue::compatibility_table();
    let new = format!("{}{BEGIN}{table}{}", &text[..b], &text[e..]);
    std::fs::write(&path, new).expect("the README is writable");
}
