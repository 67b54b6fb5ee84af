//! Endpoint parameters on the command line, from the catalogue: one clap
//! command per endpoint, so that `--help` lists every parameter with its
//! type and rules. Values are checked by the core, with the SDKs' wording;
//! clap only reads them.

use clap::{Arg, ArgAction, ArgMatches, Command};
use tikapi_core::catalogue::{catalogue, Endpoint, ParamType};
use tikapi_core::{oauth, Args, Value};

use crate::{Failure, Outcome};

/// An endpoint and its arguments, read from the command line.
pub(crate) struct Parsed {
    pub key: String,
    pub args: Args,
    /// The subcommand's own options (export's `--out`, ...).
    pub matches: ArgMatches,
}

/// The parameters a command line may give: every form's, once, without the keys.
fn params(key: &str) -> Vec<&'static tikapi_core::Param> {
    let mut out: Vec<&'static tikapi_core::Param> = Vec::new();
    for form in catalogue().forms(key) {
        for p in &form.params {
            if !p.is_secret() && !out.iter().any(|q| q.key == p.key) {
                out.push(p);
            }
        }
    }
    out
}

fn describe(p: &tikapi_core::Param) -> String {
    let mut parts: Vec<String> = vec![p.ty.name().to_owned()];
    if p.required {
        parts.push("required".into());
    }
    if let Some(list) = &p.allowed {
        let names: Vec<String> = list.iter().map(|v| v.to_json().to_string()).collect();
        parts.push(format!("one of {}", names.join(", ")));
    }
    if let Some(r) = &p.validate {
        parts.push(format!("pattern {}", r.as_str()));
    }
    if let Some(m) = p.min {
        parts.push(format!("min {m}"));
    }
    if let Some(m) = p.max {
        parts.push(format!("max {m}"));
    }
    if let Some(d) = &p.default {
        parts.push(format!("default {}", d.to_json()));
    }
    if let Some(e) = &p.example {
        parts.push(format!("example {}", e.to_json()));
    }
    format!("[{}]", parts.join("; "))
}

fn about(key: &str, forms: &[&Endpoint]) -> String {
    let e = forms[0];
    let mut text = format!("{} {}", e.method.as_str(), e.path);
    for f in &forms[1..] {
        text.push_str(&format!(" | {} {}", f.method.as_str(), f.path));
    }
    if e.is_paged() {
        text.push_str(" — paged");
    }
    if e.deprecated {
        text.push_str(" — deprecated");
    }
    if e.needs_account() {
        let scopes: Vec<String> = oauth::required_scopes(key)
            .map(|v| v.iter().map(|s| s.sent.clone()).collect())
            .unwrap_or_default();
        text.push_str(&format!(
            "\nActs for an authorised account: needs --account-key (or TIKAPI_ACCOUNT_KEY) with the scope(s) {}.",
            scopes.join(", ")
        ));
    }
    text.push_str("\nParameters marked required may be left out with --sandbox, which sends the docs' examples.");
    text
}

/// The clap command of `tikapi SUB ENDPOINT`.
pub(crate) fn command(sub: &str, key: &'static str) -> Command {
    let forms = catalogue().forms(key);
    let mut cmd = Command::new(format!("tikapi {sub} {key}"))
        .no_binary_name(true)
        .about(about(key, &forms));
    for p in params(key) {
        cmd = cmd.arg(
            Arg::new(p.key.clone())
                .long(p.key.clone())
                .value_name(p.ty.name().to_uppercase())
                .action(ArgAction::Set)
                .allow_hyphen_values(true)
                .help(describe(p))
                .help_heading("Endpoint parameters"),
        );
    }
    cmd
}

/// The endpoints, one line each, for `tikapi call --help`.
pub(crate) fn endpoint_list() -> String {
    let mut text = String::from("Endpoints:\n");
    for key in catalogue().keys() {
        let e = catalogue().get(key).expect("listed");
        let mut flags = String::new();
        if e.is_paged() {
            flags.push_str(" (paged)");
        }
        if e.needs_account() {
            flags.push_str(" (account)");
        }
        text.push_str(&format!(
            "  {key:<40} {} {}{flags}\n",
            e.method.as_str(),
            e.path
        ));
    }
    text
}

pub(crate) fn suggest(word: &str) -> String {
    let keys = catalogue().keys();
    match tikapi_core::suggest::closest(word, keys.iter().copied(), |n| n.max(4) / 2) {
        Some(k) => format!("; did you mean {k}?"),
        None => "; `tikapi call --help` lists them".to_owned(),
    }
}

/// Read `tikapi SUB ENDPOINT ARGS...`. `None`: help was printed.
pub(crate) fn parse(
    sub: &str,
    endpoint: Option<String>,
    raw: &[String],
    extra: impl FnOnce(Command) -> Command,
) -> Outcome<Option<Parsed>> {
    let endpoint = match endpoint.as_deref() {
        None | Some("-h") | Some("--help") | Some("help") => {
            if endpoint.is_none() {
                return Err(Failure::usage(format!(
                    "tikapi {sub} needs an endpoint, e.g. `tikapi {sub} public.posts --help`; `tikapi call --help` lists them"
                )));
            }
            crate::out(endpoint_list().as_bytes())?;
            return Ok(None);
        }
        Some(e) => e,
    };
    let Some(key) = catalogue().keys().into_iter().find(|k| *k == endpoint) else {
        return Err(Failure::usage(format!(
            "there is no endpoint named {endpoint:?}{}",
            suggest(endpoint)
        )));
    };
    let cmd = extra(command(sub, key));
    let matches = match cmd.try_get_matches_from(raw) {
        Ok(m) => m,
        Err(e) => {
            if e.use_stderr() {
                return Err(Failure::usage(
                    e.render()
                        .to_string()
                        .trim_start_matches("error: ")
                        .trim()
                        .to_owned(),
                ));
            }
            let _ = e.print();
            return Ok(None);
        }
    };
    let mut args = Args::new();
    for p in params(key) {
        if let Some(v) = matches.get_one::<String>(&p.key) {
            args.set(p.key.clone(), value(p.ty, v));
        }
    }
    Ok(Some(Parsed {
        key: key.to_owned(),
        args,
        matches,
    }))
}

/// A command-line string as the value a host program would pass. Anything
/// that is not plainly of the declared type stays a string, so that the
/// core reports it with the SDKs' words.
fn value(ty: ParamType, text: &str) -> Value {
    match ty {
        ParamType::Number => text
            .parse::<i64>()
            .map(Value::Int)
            .or_else(|_| text.parse::<f64>().map(Value::Float))
            .unwrap_or_else(|_| Value::Str(text.to_owned())),
        ParamType::Boolean => match text {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => Value::Str(text.to_owned()),
        },
        // Strings, `any`, and kinds a later catalogue may add.
        _ => Value::Str(text.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_endpoint_builds_a_valid_command_for_every_subcommand() {
        for key in catalogue().keys() {
            command("call", key).debug_assert();
            crate::export::options(command("export", key)).debug_assert();
            crate::download::options(command("download", key)).debug_assert();
        }
    }

    #[test]
    fn values_keep_their_declared_type_when_plain() {
        assert_eq!(value(ParamType::Number, "12"), Value::Int(12));
        assert_eq!(value(ParamType::Number, "1.5"), Value::Float(1.5));
        assert_eq!(value(ParamType::Number, "x"), Value::Str("x".into()));
        assert_eq!(value(ParamType::Boolean, "true"), Value::Bool(true));
        assert_eq!(value(ParamType::String, "12"), Value::Str("12".into()));
    }

    #[test]
    fn unknown_endpoints_get_a_suggestion() {
        assert!(suggest("public.chek").contains("public.check"));
    }
}
