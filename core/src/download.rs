//! Streaming a video to disk, atomically.
//!
//! The body goes to a temporary file beside the target and is renamed into
//! place only once it is complete, so `path` never holds a partial video and
//! no temporary file outlives the call.

use std::path::{Path, PathBuf};
use std::time::Instant;

use futures_util::StreamExt;
use tokio::io::AsyncWriteExt;

use crate::error::{Error, Result, TransportKind};
use crate::options::{Options, DEFAULT_TIMEOUT};
use crate::request::is_secret_header;
use crate::response::Response;
use crate::transport::{classify, connection_slot, http_client, Purpose};

/// The desktop browser `User-Agent` the video CDN expects.
pub const BROWSER_USER_AGENT: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

/// Called with (bytes written so far, total size when known).
pub type Progress = Box<dyn FnMut(u64, Option<u64>) + Send>;

/// Download `link` to `path`, sending the browser `User-Agent`, the
/// `videoLinkHeaders` of the response the link came from, and `extra`
/// headers. Never sends an API or account key. Returns the bytes written.
pub async fn save_video(
    link: &str,
    path: &Path,
    source: Option<&Response>,
    extra: &[(String, String)],
    options: &Options,
    mut progress: Option<Progress>,
) -> Result<u64> {
    let url = url::Url::parse(link)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https"))
        .ok_or_else(|| {
            Error::Usage(format!(
                "the video link {:?} is not an http(s) URL",
                crate::request::redact_url(link)
            ))
        })?;
    let target = format!(
        "GET {}",
        crate::transport::shorten(&crate::request::redact_url(link))
    );
    let timeout = options.timeout.unwrap_or(DEFAULT_TIMEOUT);
    let connect_timeout = options
        .connect_timeout
        .unwrap_or(crate::options::DEFAULT_CONNECT_TIMEOUT);
    let proxied = options.proxy.is_some();
    let client = http_client(options, Purpose::Download)?;
    // The slot is held until the file is written (or the download fails).
    let (_slot, left) = connection_slot(url.as_str(), options, &target).await?;
    let mut req = client
        .get(url)
        .timeout(left)
        .header(reqwest::header::USER_AGENT, BROWSER_USER_AGENT);
    let mut headers: Vec<(String, String)> =
        source.map(Response::video_link_headers).unwrap_or_default();
    headers.extend(extra.iter().cloned());
    for (k, v) in headers.iter().filter(|(k, _)| !is_secret_header(k)) {
        req = req.header(k.as_str(), v.as_str());
    }
    let started = Instant::now();
    let resp = req
        .send()
        .await
        .map_err(|e| classify(e, &target, timeout, connect_timeout, proxied))?;
    let status = resp.status().as_u16();
    if status != 200 {
        let headers = resp.headers().clone();
        let final_url = crate::request::redact_url(resp.url().as_str());
        let body = resp.bytes().await.unwrap_or_default();
        return Err(Error::Api(Box::new(Response::new(
            status,
            headers,
            final_url,
            started.elapsed(),
            body,
        ))));
    }
    let total = resp.content_length();
    let temp = temp_path(path)?;
    // Removes the temporary file if this future is dropped before the end
    // (a cancelled call, Ctrl-C): no `.part` file is ever left behind.
    let mut guard = TempFile(Some(temp.clone()));
    let written = async {
        let mut file = tokio::fs::File::create(&temp)
            .await
            .map_err(|e| io_error(path, "create", e))?;
        let mut written = 0u64;
        let mut stream = resp.bytes_stream();
        while let Some(chunk) = stream.next().await {
            let chunk =
                chunk.map_err(|e| classify(e, &target, timeout, connect_timeout, proxied))?;
            file.write_all(&chunk)
                .await
                .map_err(|e| io_error(path, "write", e))?;
            written += chunk.len() as u64;
            if let Some(p) = progress.as_mut() {
                p(written, total);
            }
        }
        if let Some(expected) = total {
            if written != expected {
                return Err(Error::transport(
                    TransportKind::Body,
                    target.clone(),
                    format!("the connection closed after {written} of {expected} bytes"),
                ));
            }
        }
        file.flush().await.map_err(|e| io_error(path, "write", e))?;
        file.sync_all()
            .await
            .map_err(|e| io_error(path, "write", e))?;
        Ok(written)
    }
    .await;
    match written {
        Ok(n) => match tokio::fs::rename(&temp, path).await {
            Ok(()) => {
                guard.0 = None;
                Ok(n)
            }
            Err(e) => {
                let _ = tokio::fs::remove_file(&temp).await;
                Err(io_error(path, "replace", e))
            }
        },
        Err(e) => {
            let _ = tokio::fs::remove_file(&temp).await;
            Err(e)
        }
    }
}

/// A temporary file that is removed when dropped, unless disarmed.
struct TempFile(Option<PathBuf>);

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(p) = self.0.take() {
            let _ = std::fs::remove_file(p);
        }
    }
}

fn temp_path(path: &Path) -> Result<PathBuf> {
    let name = path
        .file_name()
        .ok_or_else(|| Error::Usage(format!("{} does not name a file", path.display())))?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let tag: u64 = fastrand::u64(..);
    Ok(dir.join(format!(".{}.{tag:016x}.part", name.to_string_lossy())))
}

fn io_error(path: &Path, what: &str, e: std::io::Error) -> Error {
    let reason = format!("could not {what} the file: {e}");
    Error::transport_from(TransportKind::Io, path.display().to_string(), reason, e)
}
