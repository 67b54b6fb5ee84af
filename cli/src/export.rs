//! `tikapi export`: every item of every page, written as the pages arrive.
//!
//! The file is valid after every page (a JSON array is closed after each
//! page and reopened for the next). After each page the state beside it
//! (`FILE.resume.json`) records the file's committed length and the
//! arguments of the next page; `--resume` cuts the file back to that length
//! and goes on from there, so an interruption anywhere (Ctrl-C, a kill, a
//! lost connection) gives no duplicate and no gap. The state is removed once
//! the last page is written.

use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use clap::{value_parser, Arg, ArgAction, Command};
use serde_json::{json, Value as Json};
use tikapi_core::catalogue::catalogue;
use tikapi_core::pages::item_list;
use tikapi_core::{Args, Flavor, PageLimits, Value};

use crate::{code, Context, Failure, Outcome};

/// A test-only hook: exit abruptly (as a kill would) after writing the items
/// of this page, before its state is recorded.
const KILL_HOOK: &str = "TIKAPI_CLI_TEST_KILL_AFTER_PAGE";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Jsonl,
    Csv,
    Json,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }

    fn parse(s: &str) -> Option<Format> {
        match s {
            "jsonl" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

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

/// Where a walk stands after its last recorded page.
#[derive(Debug, Clone)]
struct State {
    endpoint: String,
    format: Format,
    fields: Option<Vec<String>>,
    /// The arguments the user gave.
    query: Args,
    /// The arguments of the next page to fetch; `None`: the walk is complete.
    next: Option<Args>,
    /// Items of that page already written (when `--max-items` cut it).
    skip: u64,
    /// The file's length after the last recorded page (without a JSON array's closing).
    bytes: u64,
    items: u64,
    pages: u64,
}

impl State {
    fn to_json(&self) -> Json {
        json!({
            "version": 1,
            "endpoint": self.endpoint,
            "format": self.format.name(),
            "fields": self.fields,
            "query": args_json(&self.query),
            "next": self.next.as_ref().map(args_json),
            "skip": self.skip,
            "bytes": self.bytes,
            "items": self.items,
            "pages": self.pages,
        })
    }

    fn from_json(j: &Json) -> Option<State> {
        if j.get("version")?.as_u64()? != 1 {
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
            next: match j.get("next")? {
                Json::Null => None,
                n => Some(json_args(n)),
            },
            skip: j.get("skip")?.as_u64()?,
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

/// The output file, valid after every page.
struct Sink {
    file: BufWriter<File>,
    path: PathBuf,
    format: Format,
    fields: Option<Vec<String>>,
    /// Committed length (without a JSON array's closing).
    len: u64,
    items: u64,
}

impl Sink {
    fn io(&self, e: std::io::Error) -> Failure {
        Failure::local(format!("could not write {}: {e}", self.path.display()))
    }

    fn create(path: &Path, format: Format, fields: Option<Vec<String>>) -> Outcome<Sink> {
        let file = File::create(path)
            .map_err(|e| Failure::local(format!("could not create {}: {e}", path.display())))?;
        let mut sink = Sink {
            file: BufWriter::new(file),
            path: path.to_owned(),
            format,
            fields,
            len: 0,
            items: 0,
        };
        if format == Format::Json {
            sink.file.write_all(b"[").map_err(|e| sink.io(e))?;
            sink.len = 1;
        }
        if let Some(f) = sink.fields.clone() {
            if format == Format::Csv {
                sink.header(&f)?;
            }
        }
        sink.seal()?;
        Ok(sink)
    }

    fn reopen(path: &Path, state: &State) -> Outcome<Sink> {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .open(path)
            .map_err(|e| {
                Failure::local(format!("could not open {} to resume: {e}", path.display()))
            })?;
        let len = file.metadata().map(|m| m.len()).unwrap_or(0);
        if len < state.bytes {
            return Err(Failure::usage(format!(
                "{} is shorter than its resume state says ({len} < {} bytes): it was changed; export again without --resume",
                path.display(),
                state.bytes
            )));
        }
        let mut sink = Sink {
            file: BufWriter::new(file),
            path: path.to_owned(),
            format: state.format,
            fields: state.fields.clone(),
            len: state.bytes,
            items: state.items,
        };
        sink.seal()?;
        Ok(sink)
    }

    fn header(&mut self, fields: &[String]) -> Outcome {
        let line: Vec<String> = fields.iter().map(|f| csv_cell(f)).collect();
        self.file
            .write_all(format!("{}\n", line.join(",")).as_bytes())
            .map_err(|e| self.io(e))?;
        self.len += (line.join(",").len() + 1) as u64;
        Ok(())
    }

    /// Write items after the committed length.
    fn write(&mut self, items: &[Json]) -> Outcome {
        if items.is_empty() {
            return Ok(());
        }
        if self.format == Format::Csv && self.fields.is_none() {
            let fields: Vec<String> = items[0]
                .as_object()
                .map(|o| o.keys().cloned().collect())
                .unwrap_or_default();
            self.header(&fields)?;
            self.fields = Some(fields);
        }
        let mut text = Vec::new();
        for item in items {
            match self.format {
                Format::Jsonl => {
                    serde_json::to_writer(&mut text, item)
                        .map_err(|e| Failure::local(e.to_string()))?;
                    text.push(b'\n');
                }
                Format::Json => {
                    text.extend_from_slice(if self.items == 0 { b"\n" } else { b",\n" });
                    serde_json::to_writer(&mut text, item)
                        .map_err(|e| Failure::local(e.to_string()))?;
                }
                Format::Csv => {
                    let fields = self.fields.as_deref().unwrap_or_default();
                    let row: Vec<String> =
                        fields.iter().map(|f| csv_cell(&cell(item, f))).collect();
                    text.extend_from_slice(row.join(",").as_bytes());
                    text.push(b'\n');
                }
            }
            self.items += 1;
        }
        self.file
            .seek(SeekFrom::Start(self.len))
            .and_then(|_| self.file.write_all(&text))
            .map_err(|e| self.io(e))?;
        self.len += text.len() as u64;
        self.seal()
    }

    /// End the file at the committed length (closing a JSON array), on disk.
    fn seal(&mut self) -> Outcome {
        let closing: &[u8] = if self.format == Format::Json {
            b"\n]\n"
        } else {
            b""
        };
        self.file
            .seek(SeekFrom::Start(self.len))
            .and_then(|_| self.file.write_all(closing))
            .and_then(|()| self.file.flush())
            .and_then(|()| self.file.get_ref().set_len(self.len + closing.len() as u64))
            .and_then(|()| self.file.get_ref().sync_data())
            .map_err(|e| self.io(e))
    }
}

/// The value at a dotted path (`author.uniqueId`, `challenges.0.title`).
pub(crate) fn at<'a>(item: &'a Json, path: &str) -> Option<&'a Json> {
    path.split('.').try_fold(item, |v, step| match v {
        Json::Object(o) => o.get(step),
        Json::Array(a) => a.get(step.parse::<usize>().ok()?),
        _ => None,
    })
}

fn cell(item: &Json, path: &str) -> String {
    match at(item, path) {
        None | Some(Json::Null) => String::new(),
        Some(Json::String(s)) => s.clone(),
        Some(v @ (Json::Object(_) | Json::Array(_))) => v.to_string(),
        Some(v) => v.to_string(),
    }
}

/// RFC 4180 quoting.
fn csv_cell(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

pub(crate) async fn run(ctx: &Context, endpoint: Option<String>, raw: Vec<String>) -> Outcome<i32> {
    let Some(parsed) = crate::endpoint::parse("export", endpoint, &raw, options)? else {
        return Ok(code::OK);
    };
    let m = &parsed.matches;
    let out: PathBuf = m.get_one::<PathBuf>("__out").cloned().expect("required");
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
    let max_items = m.get_one::<u64>("__max_items").copied();
    let max_pages = m.get_one::<u64>("__max_pages").copied();
    let resume = m.get_flag("__resume");
    let state_file = state_path(&out);

    let (mut state, mut sink) = if resume && state_file.exists() {
        let text = std::fs::read(&state_file)
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
        if state.endpoint != parsed.key {
            return Err(Failure::usage(format!(
                "{} was an export of {}, not {}",
                out.display(),
                state.endpoint,
                parsed.key
            )));
        }
        if state.format != format {
            return Err(Failure::usage(format!(
                "{} was exported as {}: resume with --format {}",
                out.display(),
                state.format.name(),
                state.format.name()
            )));
        }
        if !parsed.args.is_empty() && args_json(&parsed.args) != args_json(&state.query) {
            return Err(Failure::usage(format!(
                "{} was exported with other parameters: resume with the same ones, or none",
                out.display()
            )));
        }
        if fields.is_some() && fields != state.fields {
            return Err(Failure::usage(format!(
                "{} was exported with other --fields",
                out.display()
            )));
        }
        let sink = Sink::reopen(&out, &state)?;
        ctx.note(&format!(
            "resuming {}: {} already written",
            out.display(),
            counts(state.items, state.pages)
        ));
        (state, sink)
    } else {
        if resume && out.exists() {
            return Err(Failure::usage(format!(
                "{} has no resume state ({}): the export it holds is complete, or was not made by tikapi export",
                out.display(),
                state_file.display()
            )));
        }
        let state = State {
            endpoint: parsed.key.clone(),
            format,
            fields: fields.clone(),
            query: parsed.args.clone(),
            next: Some(parsed.args.clone()),
            skip: 0,
            bytes: 0,
            items: 0,
            pages: 0,
        };
        let sink = Sink::create(&out, format, fields)?;
        (state, sink)
    };
    state.bytes = sink.len;
    state.fields = sink.fields.clone();
    state.save(&state_file)?;

    let kill_after: Option<u64> = std::env::var(KILL_HOOK).ok().and_then(|v| v.parse().ok());
    let bar = crate::output::bar(
        ctx.progress,
        max_items,
        "{spinner} {pos} items · {msg} · {per_sec} · {elapsed} (ETA {eta})",
    );
    bar.set_position(state.items);
    let Some(start) = state.next.clone() else {
        return finish(ctx, &state, &state_file, &out, true);
    };
    let mut limits = PageLimits::default();
    limits.max_pages = max_pages.map(|m| m.saturating_sub(state.pages));
    if limits.max_pages == Some(0) || max_items.is_some_and(|m| state.items >= m) {
        return finish(ctx, &state, &state_file, &out, false);
    }
    let mut pages = ctx.client.pages(&parsed.key, start.clone(), limits);
    let mut current = start;
    let interrupt = tokio::signal::ctrl_c();
    tokio::pin!(interrupt);
    loop {
        let page = tokio::select! {
            p = pages.next() => p,
            _ = &mut interrupt => {
                bar.finish_and_clear();
                ctx.note(&format!(
                    "interrupted: {} are in {}; `--resume` continues",
                    counts(state.items, state.pages), out.display()
                ));
                return Ok(code::INTERRUPTED);
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
                        out.display()
                    ),
                });
            }
        };
        let body = page
            .json()
            .ok_or_else(|| Failure::local(format!("the answer of {} is not JSON", parsed.key)))?;
        let Some(list) = item_list(body) else {
            return Err(Failure::usage(format!(
                "the answer of {} carries no list of items to export; use `tikapi call`",
                parsed.key
            )));
        };
        let skip = (state.skip as usize).min(list.len());
        let mut take = list.len() - skip;
        if let Some(m) = max_items {
            take = take.min(m.saturating_sub(state.items) as usize);
        }
        sink.write(&list[skip..skip + take])?;
        state.pages += 1;
        if kill_after == Some(state.pages) {
            // As a kill would: the items are in the file, the state is not.
            std::process::exit(137);
        }
        state.items = sink.items;
        state.bytes = sink.len;
        state.fields = sink.fields.clone();
        if skip + take < list.len() {
            // Cut by --max-items: the rest of this page comes next time.
            state.next = Some(current.clone());
            state.skip = (skip + take) as u64;
        } else {
            let form = catalogue()
                .select(&parsed.key, |n| current.contains(n))
                .expect("the endpoint exists");
            state.next = tikapi_core::cursor::next_args(form, &current, body, Flavor::Rust);
            state.skip = 0;
        }
        state.save(&state_file)?;
        bar.set_position(state.items);
        bar.set_message(format!("{} pages", state.pages));
        match &state.next {
            None => break,
            Some(n) => current = n.clone(),
        }
        if max_items.is_some_and(|m| state.items >= m) {
            break;
        }
    }
    bar.finish_and_clear();
    let complete = state.next.is_none();
    finish(ctx, &state, &state_file, &out, complete)
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
    fn cells_follow_dotted_paths_and_quote() {
        let item = json!({"id": "1", "a": {"b": [10, {"c": "x,y"}]}, "n": null, "t": true});
        assert_eq!(cell(&item, "id"), "1");
        assert_eq!(cell(&item, "a.b.0"), "10");
        assert_eq!(csv_cell(&cell(&item, "a.b.1.c")), "\"x,y\"");
        assert_eq!(cell(&item, "n"), "");
        assert_eq!(cell(&item, "missing.path"), "");
        assert_eq!(cell(&item, "t"), "true");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn state_round_trips() {
        let s = State {
            endpoint: "public.posts".into(),
            format: Format::Csv,
            fields: Some(vec!["id".into()]),
            query: Args::new().with("secUid", "x"),
            next: Some(Args::new().with("secUid", "x").with("cursor", "30")),
            skip: 3,
            bytes: 100,
            items: 30,
            pages: 1,
        };
        let back = State::from_json(&s.to_json()).unwrap();
        assert_eq!(back.to_json(), s.to_json());
    }
}
