//! The `tikapi` binary: everything is in the library, which the Python and
//! Node packages' entry points call too.

fn main() {
    std::process::exit(tikapi_cli::run(std::env::args_os()));
}
