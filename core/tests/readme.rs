//! The README's endpoint table is generated from the catalogue; it must be current.

#[test]
fn the_readme_endpoint_table_is_current() {
    let readme = include_str!("../../README.md");
    let table = tikapi_core::catalogue::compatibility_table();
    assert!(
        readme.contains(&table),
        "README.md's endpoint table is stale: run `cargo run -p tikapi-core --example endpoint_table -- README.md`"
    );
    // Every endpoint key appears in it.
    for key in tikapi_core::catalogue().keys() {
        assert!(table.contains(&format!("| `{key}` |")), "{key}");
    }
}
