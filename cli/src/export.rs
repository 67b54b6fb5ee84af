//! `tikapi export`: every item of every page, written as the pages arrive.
//!
//! The file is valid after every page (a JSON array is closed after each
//! page and reopened for the next). After each page the state beside it
//! (`FILE.resume.json`) records the file's committed length and the walk's
//! resume point (the core's [`ResumePoint`]: the next page's arguments and
//! how many of its items are written); `--resume` cuts the file back to that length
//! and goes on from there, so an interruption anywhere (Ctrl-C, a kill, a
//! lost connection) gives no duplicate and no gap. The state is removed once
//! the last page is written.

use std::fs::File;
use std::path::{Path, PathBuf};

use clap::{value_parser, Arg, ArgAction, Command};
use serde_json::{json, Value as Json};
use tikapi_core::pages::{item_list, ResumePoint};
use tikapi_core::{Args, CallOptions, PageLimits, Pages, Response, Value};

use crate::sink::{Format, Sink};
use crate::{code, Context, Failure, Outcome};

/// A test-only hook: exit abruptly (as a kill would) after writing the items
/// of this page, before its state is recorded.
const KILL_HOOK: &str = "TIKAPI_CLI_TEST_KILL_AFTER_PAGE";

/// The walk's options (shared by `download`).
pub(crate) fn walk_options(cmd: Command) -> Command {
    cmd.arg(
        Arg::new("__max_items")
            .long("max-items")
            .value_name("N")
            .value_parser(value_parser!(u64))
            .help("Stop after this many items"),
    )
    .arg(
        Arg::new("__max_pages")
            .long("max-pages")
            .value_name("N")
            .value_parser(value_parser!(u64))
            .help("Stop after this many pages"),
    )
}

/// `tikapi export ENDPOINT`'s own options.
pub(crate) fn options(cmd: Command) -> Command {
    walk_options(
        cmd.next_help_heading("Export options")
            .arg(
                Arg::new("__out")
                    .long("out")
                    .short('o')
                    .value_name("FILE")
                    .required(true)
                    .value_parser(value_parser!(PathBuf))
                    .help("The file to write (its resume state is FILE.resume.json)"),
            )
            .arg(
                Arg::new("__format")
                    .long("format")
                    .value_name("FORMAT")
                    .value_parser(["jsonl", "csv", "json"])
                    .default_value("jsonl")
                    .help("One JSON item per line, CSV rows, or one JSON array"),
            )
            .arg(
                Arg::new("__fields")
                    .long("fields")
                    .value_name("PATHS")
                    .help("CSV columns, as dotted paths: id,author.uniqueId,stats.playCount (default: the first item's top-level fields)"),
            )
            .arg(
                Arg::new("__resume")
                    .long("resume")
                    .action(ArgAction::SetTrue)
                    .help("Continue an interrupted export of FILE from its last recorded page"),
            ),
    )
}

fn state_path(out: &Path) -> PathBuf {
    let mut name = out.file_name().unwrap_or_default().to_os_string();
    name.push(".resume.json");
    out.with_file_name(name)
}

fn args_json(args: &Args) -> Json {
    Json::Object(args.iter().map(|(k, v)| (k.clone(), v.to_json())).collect())
}

fn json_args(j: &Json) -> Args {
    j.as_object()
        .map(|o| o.iter().map(|(k, v)| (k.clone(), Value::from(v))).collect())
        .unwrap_or_default()
}

/// Where an export stands after its last recorded page.
#[derive(Debug, Clone)]
struct State {
    endpoint: String,
    format: Format,
    fields: Option<Vec<String>>,
    /// The arguments the user gave.
    query: Args,
    /// Where the walk goes on; `None`: the walk is complete.
    resume: Option<ResumePoint>,
    /// The file's length after the last recorded page (without a JSON array's closing).
    bytes: u64,
    items: u64,
    pages: u64,
}

impl State {
    fn to_json(&self) -> Json {
        json!({
            "version": 2,
            "endpoint": self.endpoint,
            "format": self.format.name(),
            "fields": self.fields,
            "query": args_json(&self.query),
            "resume": self.resume.as_ref().map(ResumePoint::to_json),
            "bytes": self.bytes,
            "items": self.items,
            "pages": self.pages,
        })
    }

    fn from_json(j: &Json) -> Option<State> {
        if j.get("version")?.as_u64()? != 2 {
            return None;
        }
        Some(State {
            endpoint: j.get("endpoint")?.as_str()?.to_owned(),
            format: Format::parse(j.get("format")?.as_str()?)?,
            fields: match j.get("fields")? {
                Json::Null => None,
                Json::Array(a) => Some(
                    a.iter()
                        .map(|f| f.as_str().map(str::to_owned))
                        .collect::<Option<Vec<_>>>()?,
                ),
                _ => return None,
            },
            query: json_args(j.get("query")?),
            resume: match j.get("resume")? {
                Json::Null => None,
                point => Some(ResumePoint::from_json(point).ok()?),
            },
            bytes: j.get("bytes")?.as_u64()?,
            items: j.get("items")?.as_u64()?,
            pages: j.get("pages")?.as_u64()?,
        })
    }

    /// Written to a temporary file and renamed, so it is never half written.
    fn save(&self, path: &Path) -> Outcome {
        let tmp = path.with_extension("json.tmp");
        let text = serde_json::to_vec_pretty(&self.to_json()).unwrap_or_default();
        std::fs::write(&tmp, text)
            .and_then(|()| File::open(&tmp)?.sync_all())
            .and_then(|()| std::fs::rename(&tmp, path))
            .map_err(|e| Failure::local(format!("could not write {}: {e}", path.display())))
    }
}

/// What the command line asked of an export.
struct Request {
    key: String,
    args: Args,
    out: PathBuf,
    format: Format,
    fields: Option<Vec<String>>,
    max_items: Option<u64>,
    max_pages: Option<u64>,
    resume: bool,
}

impl Request {
    fn read(parsed: crate::endpoint::Parsed) -> Outcome<Request> {
        let m = &parsed.matches;
        let format = Format::parse(
            m.get_one::<String>("__format")
                .map_or("jsonl", String::as_str),
        )
        .expect("clap checked the format");
        let fields: Option<Vec<String>> = m.get_one::<String>("__fields").map(|f| {
            f.split(',')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect()
        });
        if fields.is_some() && format != Format::Csv {
            return Err(Failure::usage(
                "--fields chooses CSV columns: use it with --format csv",
            ));
        }
        Ok(Request {
            out: m.get_one::<PathBuf>("__out").cloned().expect("required"),
            max_items: m.get_one::<u64>("__max_items").copied(),
            max_pages: m.get_one::<u64>("__max_pages").copied(),
            resume: m.get_flag("__resume"),
            key: parsed.key,
            args: parsed.args,
            format,
            fields,
        })
    }
}

pub(crate) async fn run(ctx: &Context, endpoint: Option<String>, raw: Vec<String>) -> Outcome<i32> {
    let Some(parsed) = crate::endpoint::parse("export", endpoint, &raw, options)? else {
        return Ok(code::OK);
    };
    let req = Request::read(parsed)?;
    let state_file = state_path(&req.out);
    let (mut state, mut sink) = if req.resume && state_file.exists() {
        resumed(ctx, &req, &state_file)?
    } else {
        fresh(&req, &state_file)?
    };
    state.bytes = sink.len;
    state.fields = sink.fields.clone();
    state.save(&state_file)?;

    let Some(point) = state.resume.clone() else {
        return finish(ctx, &state, &state_file, &req.out, true);
    };
    let mut limits = PageLimits::default();
    limits.max_pages = req.max_pages.map(|m| m.saturating_sub(state.pages));
    limits.max_items = req.max_items.map(|m| m.saturating_sub(state.items));
    if limits.max_pages == Some(0) || limits.max_items == Some(0) {
        return finish(ctx, &state, &state_file, &req.out, false);
    }
    let pages = Pages::resume(ctx.client.clone(), point, CallOptions::default(), limits);
    match walk(ctx, &req, pages, &mut state, &mut sink, &state_file).await? {
        Walked::Interrupted => Ok(code::INTERRUPTED),
        Walked::Ended => {
            let complete = state.resume.is_none();
            finish(ctx, &state, &state_file, &req.out, complete)
        }
    }
}

/// The state and file of an interrupted export, checked against what the
/// command line asks now.
fn resumed(ctx: &Context, req: &Request, state_file: &Path) -> Outcome<(State, Sink)> {
    let out = &req.out;
    let text = std::fs::read(state_file)
        .map_err(|e| Failure::local(format!("could not read {}: {e}", state_file.display())))?;
    let state = serde_json::from_slice(&text)
        .ok()
        .as_ref()
        .and_then(State::from_json)
        .ok_or_else(|| {
            Failure::usage(format!(
                "{} is not a resume state this version wrote",
                state_file.display()
            ))
        })?;
    let refuse = |why: String| Err(Failure::usage(why));
    if state.endpoint != req.key {
        return refuse(format!(
            "{} was an export of {}, not {}",
            out.display(),
            state.endpoint,
            req.key
        ));
    }
    if state.format != req.format {
        let name = state.format.name();
        return refuse(format!(
            "{} was exported as {name}: resume with --format {name}",
            out.display()
        ));
    }
    if !req.args.is_empty() && args_json(&req.args) != args_json(&state.query) {
        return refuse(format!(
            "{} was exported with other parameters: resume with the same ones, or none",
            out.display()
        ));
    }
    if req.fields.is_some() && req.fields != state.fields {
        return refuse(format!(
            "{} was exported with other --fields",
            out.display()
        ));
    }
    let sink = Sink::reopen(
        out,
        state.format,
        state.fields.clone(),
        state.bytes,
        state.items,
    )?;
    ctx.note(&format!(
        "resuming {}: {} already written",
        out.display(),
        counts(state.items, state.pages)
    ));
    Ok((state, sink))
}

/// A new export's state and file.
fn fresh(req: &Request, state_file: &Path) -> Outcome<(State, Sink)> {
    if req.resume && req.out.exists() {
        return Err(Failure::usage(format!(
            "{} has no resume state ({}): the export it holds is complete, or was not made by tikapi export",
            req.out.display(),
            state_file.display()
        )));
    }
    let state = State {
        endpoint: req.key.clone(),
        format: req.format,
        fields: req.fields.clone(),
        query: req.args.clone(),
        resume: Some(ResumePoint {
            endpoint: req.key.clone(),
            args: req.args.clone(),
            skip: 0,
        }),
        bytes: 0,
        items: 0,
        pages: 0,
    };
    let sink = Sink::create(&req.out, req.format, req.fields.clone())?;
    Ok((state, sink))
}

enum Walked {
    Ended,
    Interrupted,
}

/// Write every page of the walk, recording the state after each; Ctrl-C
/// stops between pages.
async fn walk(
    ctx: &Context,
    req: &Request,
    mut pages: Pages,
    state: &mut State,
    sink: &mut Sink,
    state_file: &Path,
) -> Outcome<Walked> {
    let kill_after: Option<u64> = std::env::var(KILL_HOOK).ok().and_then(|v| v.parse().ok());
    let bar = crate::output::bar(
        ctx.progress,
        req.max_items,
        "{spinner} {pos} items · {msg} · {per_sec} · {elapsed} (ETA {eta})",
    );
    bar.set_position(state.items);
    let interrupt = tokio::signal::ctrl_c();
    tokio::pin!(interrupt);
    loop {
        let page = tokio::select! {
            p = pages.next() => p,
            _ = &mut interrupt => {
                bar.finish_and_clear();
                ctx.note(&format!(
                    "interrupted: {} are in {}; `--resume` continues",
                    counts(state.items, state.pages), req.out.display()
                ));
                return Ok(Walked::Interrupted);
            }
        };
        let page = match page {
            None => break,
            Some(Ok(p)) => p,
            Some(Err(e)) => {
                bar.finish_and_clear();
                let f = Failure::from(e);
                return Err(Failure {
                    code: f.code,
                    message: format!(
                        "{}\n{} are in {}; `--resume` continues",
                        f.message,
                        counts(state.items, state.pages),
                        req.out.display()
                    ),
                });
            }
        };
        let written = write_page(req, &pages, &page, sink)?;
        state.pages += 1;
        if kill_after == Some(state.pages) {
            // As a kill would: the items are in the file, the state is not.
            std::process::exit(137);
        }
        state.items += written;
        state.bytes = sink.len;
        state.fields = sink.fields.clone();
        state.resume = pages.resume_point();
        state.save(state_file)?;
        bar.set_position(state.items);
        bar.set_message(format!("{} pages", state.pages));
    }
    bar.finish_and_clear();
    Ok(Walked::Ended)
}

/// Write the items of `page` that belong to the walk; how many.
fn write_page(req: &Request, pages: &Pages, page: &Response, sink: &mut Sink) -> Outcome<u64> {
    let body = page
        .json()
        .ok_or_else(|| Failure::local(format!("the answer of {} is not JSON", req.key)))?;
    let Some(list) = item_list(body) else {
        return Err(Failure::usage(format!(
            "the answer of {} carries no list of items to export; use `tikapi call`",
            req.key
        )));
    };
    let from = pages.skip().min(list.len());
    let to = pages.take().unwrap_or(list.len()).clamp(from, list.len());
    sink.write(&list[from..to])?;
    Ok((to - from) as u64)
}

/// `65 items from 3 pages`, `1 item from 1 page`.
fn counts(items: u64, pages: u64) -> String {
    let s = |n: u64| if n == 1 { "" } else { "s" };
    format!("{items} item{} from {pages} page{}", s(items), s(pages))
}

fn finish(
    ctx: &Context,
    state: &State,
    state_file: &Path,
    out: &Path,
    complete: bool,
) -> Outcome<i32> {
    if complete {
        std::fs::remove_file(state_file)
            .or_else(|e| {
                if e.kind() == std::io::ErrorKind::NotFound {
                    Ok(())
                } else {
                    Err(e)
                }
            })
            .map_err(|e| {
                Failure::local(format!("could not remove {}: {e}", state_file.display()))
            })?;
        ctx.note(&format!(
            "wrote {} to {} (complete)",
            counts(state.items, state.pages),
            out.display()
        ));
    } else {
        ctx.note(&format!(
            "wrote {} to {}; more pages remain: `--resume` continues",
            counts(state.items, state.pages),
            out.display()
        ));
    }
    Ok(code::OK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_round_trips() {
        let s = State {
            endpoint: "public.posts".into(),
            format: Format::Csv,
            fields: Some(vec!["id".into()]),
            query: Args::new().with("secUid", "x"),
            resume: Some(ResumePoint {
                endpoint: "public.posts".into(),
                args: Args::new().with("secUid", "x").with("cursor", "30"),
                skip: 3,
            }),
            bytes: 100,
            items: 30,
            pages: 1,
        };
        let back = State::from_json(&s.to_json()).unwrap();
        assert_eq!(back.to_json(), s.to_json());
    }
}
