//! `tikapi download`: every video of the walked items, into a directory,
//! with the core's streamed atomic download and each page's
//! `videoLinkHeaders`. A file that exists is complete (downloads are renamed
//! into place only when whole), so it is skipped.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use clap::{value_parser, Arg, Command};
use serde_json::Value as Json;
use tikapi_core::download::save_video;
use tikapi_core::pages::item_list;
use tikapi_core::{Error, PageLimits, Pages, Response};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use crate::sink::at;
use crate::{code, Context, Failure, Outcome};

pub(crate) fn options(cmd: Command) -> Command {
    crate::export::walk_options(
        cmd.next_help_heading("Download options")
            .arg(
                Arg::new("__dir")
                    .long("dir")
                    .value_name("DIR")
                    .required(true)
                    .value_parser(value_parser!(PathBuf))
                    .help("Where to save the videos, as VIDEO_ID.mp4"),
            )
            .arg(
                Arg::new("__concurrency")
                    .long("concurrency")
                    .value_name("N")
                    .default_value("4")
                    .value_parser(value_parser!(u32).range(1..=64))
                    .help("Downloads at the same time"),
            ),
    )
}

/// The video id and link of an item, when it has a video.
fn video_of(item: &Json) -> Option<(String, String)> {
    let id = at(item, "video.id")
        .or_else(|| at(item, "id"))
        .and_then(|v| match v {
            Json::String(s) => Some(s.clone()),
            Json::Number(n) => Some(n.to_string()),
            _ => None,
        })
        .filter(|s| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        })?;
    let link = ["video.downloadAddr", "video.playAddr"]
        .iter()
        .find_map(|p| at(item, p).and_then(Json::as_str).filter(|s| !s.is_empty()))?;
    Some((id, link.to_owned()))
}

pub(crate) async fn run(ctx: &Context, endpoint: Option<String>, raw: Vec<String>) -> Outcome<i32> {
    let Some(parsed) = crate::endpoint::parse("download", endpoint, &raw, options)? else {
        return Ok(code::OK);
    };
    let m = &parsed.matches;
    let dir: PathBuf = m.get_one::<PathBuf>("__dir").cloned().expect("required");
    let concurrency = *m.get_one::<u32>("__concurrency").expect("has a default") as usize;
    let max_items = m.get_one::<u64>("__max_items").copied();
    let mut limits = PageLimits::default();
    limits.max_pages = m.get_one::<u64>("__max_pages").copied();
    std::fs::create_dir_all(&dir)
        .map_err(|e| Failure::local(format!("could not create {}: {e}", dir.display())))?;
    let options = Arc::new(ctx.client.options());
    let slots = Arc::new(Semaphore::new(concurrency));
    let bytes = Arc::new(AtomicU64::new(0));
    let bar = crate::output::bar(
        ctx.progress,
        None,
        "{spinner} {msg} · {binary_bytes_per_sec} · {elapsed}",
    );
    let mut tasks: JoinSet<(String, Result<u64, Error>)> = JoinSet::new();
    let (mut seen, mut skipped, mut done, mut no_video) = (0u64, 0u64, 0u64, 0u64);
    let mut failures: Vec<(String, Failure)> = Vec::new();
    let mut pages = Pages::new(
        ctx.client.clone(),
        parsed.key.clone(),
        parsed.args.clone(),
        limits,
    );
    let interrupt = tokio::signal::ctrl_c();
    tokio::pin!(interrupt);
    'walk: loop {
        let page: Response = tokio::select! {
            p = pages.next() => match p {
                None => break,
                Some(Ok(p)) => p,
                Some(Err(e)) => { failures.push(("page".into(), e.into())); break; }
            },
            _ = &mut interrupt => {
                tasks.abort_all();
                bar.finish_and_clear();
                ctx.note("interrupted: complete files are kept, partial ones removed; run again to go on");
                return Ok(code::INTERRUPTED);
            }
        };
        let list = page.json().and_then(item_list).cloned().unwrap_or_default();
        for item in list {
            if max_items.is_some_and(|m| seen >= m) {
                break 'walk;
            }
            seen += 1;
            let Some((id, link)) = video_of(&item) else {
                no_video += 1;
                continue;
            };
            let path = dir.join(format!("{id}.mp4"));
            if path.exists() {
                skipped += 1;
                continue;
            }
            // Wait for a slot, collecting finished downloads meanwhile.
            let permit = loop {
                if let Ok(p) = slots.clone().try_acquire_owned() {
                    break p;
                }
                if let Some(Ok((id, r))) = tasks.join_next().await {
                    record(&id, r, &mut done, &mut failures);
                }
            };
            let source = page.share();
            let options = options.clone();
            let bytes = bytes.clone();
            let task_bar = bar.clone();
            tasks.spawn(async move {
                let _permit = permit;
                let progress_bytes = bytes.clone();
                let mut last = 0u64;
                let progress: tikapi_core::download::Progress = Box::new(move |n, _| {
                    progress_bytes.fetch_add(n - last, Ordering::Relaxed);
                    last = n;
                });
                let r =
                    save_video(&link, &path, Some(&source), &[], &options, Some(progress)).await;
                task_bar.set_position(bytes.load(Ordering::Relaxed));
                (id, r)
            });
            bar.set_message(format!("{seen} items, {done} saved, {skipped} skipped"));
        }
    }
    while let Some(joined) = tasks.join_next().await {
        if let Ok((id, r)) = joined {
            record(&id, r, &mut done, &mut failures);
        }
    }
    bar.finish_and_clear();
    ctx.note(&format!(
        "{seen} items: {done} videos saved, {skipped} already there, {no_video} without a video, {} failed ({} bytes) in {}",
        failures.len(),
        bytes.load(Ordering::Relaxed),
        dir.display()
    ));
    match failures.into_iter().next() {
        None => Ok(code::OK),
        Some((id, f)) => Err(Failure {
            code: f.code,
            message: format!("{id}: {}", f.message),
        }),
    }
}

fn record(id: &str, r: Result<u64, Error>, done: &mut u64, failures: &mut Vec<(String, Failure)>) {
    match r {
        Ok(_) => *done += 1,
        Err(e) => failures.push((id.to_owned(), e.into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn items_give_their_video() {
        let item = json!({"id": "71", "video": {"id": "71", "playAddr": "http://x/p", "downloadAddr": "http://x/d"}});
        assert_eq!(video_of(&item), Some(("71".into(), "http://x/d".into())));
        assert_eq!(video_of(&json!({"id": "7"})), None);
        assert_eq!(
            video_of(&json!({"id": "../x", "video": {"playAddr": "http://x"}})),
            None
        );
    }
}
