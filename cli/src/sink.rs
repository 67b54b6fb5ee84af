//! The file `tikapi export` writes: JSON lines, CSV with chosen columns, or
//! a JSON array that is valid after every page (closed after each page and
//! reopened for the next), with the committed length a resume cuts back to.

use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde_json::Value as Json;

use crate::{Failure, Outcome};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Jsonl,
    Csv,
    Json,
}

impl Format {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<Format> {
        match s {
            "jsonl" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

/// The output file, valid after every page.
pub(crate) struct Sink {
    file: BufWriter<File>,
    path: PathBuf,
    format: Format,
    pub(crate) fields: Option<Vec<String>>,
    /// Committed length (without a JSON array's closing).
    pub(crate) len: u64,
    pub(crate) items: u64,
}

impl Sink {
    fn io(&self, e: std::io::Error) -> Failure {
        Failure::local(format!("could not write {}: {e}", self.path.display()))
    }

    pub(crate) fn create(
        path: &Path,
        format: Format,
        fields: Option<Vec<String>>,
    ) -> Outcome<Sink> {
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

    /// Reopen an export's file to go on after `committed` bytes holding
    /// `items` items.
    pub(crate) fn reopen(
        path: &Path,
        format: Format,
        fields: Option<Vec<String>>,
        committed: u64,
        items: u64,
    ) -> Outcome<Sink> {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .open(path)
            .map_err(|e| {
                Failure::local(format!("could not open {} to resume: {e}", path.display()))
            })?;
        let len = file.metadata().map(|m| m.len()).unwrap_or(0);
        if len < committed {
            return Err(Failure::usage(format!(
                "{} is shorter than its resume state says ({len} < {} bytes): it was changed; export again without --resume",
                path.display(),
                committed
            )));
        }
        let mut sink = Sink {
            file: BufWriter::new(file),
            path: path.to_owned(),
            format,
            fields,
            len: committed,
            items,
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
    pub(crate) fn write(&mut self, items: &[Json]) -> Outcome {
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
}
