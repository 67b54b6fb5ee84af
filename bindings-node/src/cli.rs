//! The `tikapi` command for `npm install` (`bin` in package.json runs
//! bindings-node/js/cli.cjs, which calls this): the command-line crate.

/// Run `tikapi ARGS...` (`argv[0]` is the program name); returns the exit code.
#[napi_derive::napi]
pub fn cli_main(argv: Vec<String>) -> i32 {
    tikapi_cli::run(argv)
}
