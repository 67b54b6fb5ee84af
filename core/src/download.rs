//! Streaming a video to disk, atomically.
//!
//! The body goes to a temporary file beside the target and is renamed into
//! place only once it is complete, so `path` never holds a partial video and
//! no temporary file outlives the call.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use futures_util::StreamExt;

use crate::error::{Error, Result, TransportKind};
use crate::observe::{self, Attempt, Finished, Purpose as ObservedPurpose};
use crate::options::{Options, DEFAULT_TIMEOUT};
use crate::request::is_secret_header;
use crate::response::Response;
use crate::transport::{classify, connection_slot, http_client, Purpose};

/// The desktop browser `User-Agent` the video CDN expects.
pub const BROWSER_USER_AGENT: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

/// Called with (bytes written so far, total size when known).
pub type Progress = Box<dyn FnMut(u64, Option<u64>) + Send>;

/// The headers a video download sends, in order: the browser `User-Agent`,
/// the `videoLinkHeaders` of the response the link came from, then the
/// app's `extra` headers. A later header replaces an earlier one of the same
/// name (as the official SDKs' header objects merge), and no API or account
/// key is ever among them.
pub fn download_headers(
    source: Option<&Response>,
    extra: &[(String, String)],
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> =
        vec![("User-Agent".to_owned(), BROWSER_USER_AGENT.to_owned())];
    let defaults = source.map(Response::video_link_headers).unwrap_or_default();
    for (k, v) in defaults.into_iter().chain(extra.iter().cloned()) {
        if is_secret_header(&k) {
            continue;
        }
        match out.iter_mut().find(|(n, _)| n.eq_ignore_ascii_case(&k)) {
            Some(slot) => *slot = (k, v),
            None => out.push((k, v)),
        }
    }
    out
}

/// A video download laid out and not started: where it goes, what it
/// sends, how long it may take. Either driver follows it: the core's own
/// ([`save_video`]) or a binding's HTTP stack ([`Download`]).
#[derive(Debug, Clone)]
pub struct DownloadPlan {
    /// The video link.
    pub url: url::Url,
    /// See [`download_headers`].
    pub headers: Vec<(String, String)>,
    /// The whole download's timeout.
    pub timeout: Duration,
    /// The file to write.
    pub path: PathBuf,
    /// `GET <link>`, without credentials: for errors.
    pub target: String,
}

impl DownloadPlan {
    /// Lay out a download of `link` to `path` for the response `source`
    /// with the app's `extra` headers and the `options` in force.
    pub fn new(
        link: &str,
        path: &Path,
        source: Option<&Response>,
        extra: &[(String, String)],
        options: &Options,
    ) -> Result<DownloadPlan> {
        let url = url::Url::parse(link)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https"))
            .ok_or_else(|| {
                Error::Usage(format!(
                    "the video link {:?} is not an http(s) URL",
                    crate::request::redact_url(link)
                ))
            })?;
        for (name, value) in extra {
            crate::settings::check_header(name, value).map_err(Error::Usage)?;
        }
        Ok(DownloadPlan {
            target: format!(
                "GET {}",
                crate::transport::shorten(&crate::request::redact_url(link))
            ),
            url,
            headers: download_headers(source, extra),
            timeout: options.timeout.unwrap_or(DEFAULT_TIMEOUT),
            path: path.to_path_buf(),
        })
    }

    /// The error of an answer other than 200 (its body read).
    pub fn refused(&self, answer: Response) -> Error {
        Error::Api(Box::new(answer))
    }

    /// The error of a body that ended before its announced length.
    pub fn short(&self, written: u64, expected: u64) -> Error {
        Error::transport(
            TransportKind::Body,
            self.target.clone(),
            format!("the connection closed after {written} of {expected} bytes"),
        )
    }
}

/// A download through a binding's own HTTP stack, as a state machine: the
/// driver sends [`DownloadPlan`]'s request without following redirects,
/// hands each answer's head to [`Download::head`], streams a 200's body into
/// [`Download::write`] and ends with [`Download::commit`] (or
/// [`Download::failed`]). Redirects, the file and its atomic rename are the
/// core's.
pub struct Download {
    plan: DownloadPlan,
    hops: u32,
    file: Option<PartFile>,
    expected: Option<u64>,
}

/// What a download's driver does after an answer's head.
#[derive(Debug)]
pub enum DownloadStep {
    /// Send the request again, to this URL.
    Redirect(String),
    /// Stream the body into [`Download::write`].
    Body,
    /// Read the (small) body and hand the answer to [`Download::refuse`].
    Refused,
}

impl Download {
    pub fn new(plan: DownloadPlan) -> Download {
        Download {
            plan,
            hops: 0,
            file: None,
            expected: None,
        }
    }

    pub fn plan(&self) -> &DownloadPlan {
        &self.plan
    }

    /// The download as observers are told of it (see [`crate::observe`]);
    /// its end is [`Finished::download`].
    pub fn attempt(&self) -> Attempt {
        Attempt::new(
            ObservedPurpose::Download,
            None,
            "GET",
            self.plan.url.as_str(),
            0,
        )
    }

    /// Take an answer's status, `Location` and `Content-Length`.
    pub fn head(
        &mut self,
        status: u16,
        location: Option<&str>,
        url: &str,
        content_length: Option<u64>,
    ) -> Result<DownloadStep> {
        use crate::policy::{redirect_rule, Purpose, Redirect};
        if matches!(status, 301 | 302 | 303 | 307 | 308) {
            let base = url::Url::parse(url).unwrap_or_else(|_| self.plan.url.clone());
            if let Some(next) = location.and_then(|l| base.join(l).ok()) {
                match redirect_rule(Purpose::Download, &self.plan.url, &next, self.hops) {
                    Redirect::Follow => {
                        self.hops += 1;
                        return Ok(DownloadStep::Redirect(next.into()));
                    }
                    Redirect::TooMany => {
                        return Err(Error::transport(
                            TransportKind::Redirect,
                            self.plan.target.clone(),
                            crate::policy::too_many_redirects(),
                        ))
                    }
                    Redirect::Stop => {}
                }
            }
        }
        if status != 200 {
            return Ok(DownloadStep::Refused);
        }
        self.expected = content_length;
        self.file = Some(PartFile::create(&self.plan.path)?);
        Ok(DownloadStep::Body)
    }

    /// The error of an answer [`Download::head`] said was refused.
    pub fn refuse(&self, answer: Response) -> Error {
        self.plan.refused(answer)
    }

    /// Write a chunk of the body; returns (bytes written, total when known).
    pub fn write(&mut self, chunk: &[u8]) -> Result<(u64, Option<u64>)> {
        let file = self.file.as_mut().ok_or_else(|| {
            Error::Usage("write() before the answer's head said to stream the body".to_owned())
        })?;
        Ok((file.write(chunk)?, self.expected))
    }

    /// The body is complete: the file takes its place; the bytes written.
    pub fn commit(&mut self) -> Result<u64> {
        let file = self.file.take().ok_or_else(|| {
            Error::Usage("commit() before the answer's head said to stream the body".to_owned())
        })?;
        if let Some(expected) = self.expected {
            if file.written != expected {
                return Err(self.plan.short(file.written, expected));
            }
        }
        file.commit()
    }

    /// The driver could not finish (see [`crate::policy::kind_of_code`]):
    /// the partial file is removed; the error to report.
    pub fn failed(&mut self, code: &str, answered: bool, reason: &str) -> Error {
        self.file = None;
        let kind = crate::policy::kind_of_code(code, answered);
        let reason = match kind {
            TransportKind::Timeout => crate::policy::timeout_reason(self.plan.timeout),
            _ => reason.to_owned(),
        };
        Error::transport(kind, self.plan.target.clone(), reason)
    }
}

/// A video being written beside its final path: removed unless committed,
/// so the path never holds a partial video and no temporary file outlives
/// the download.
pub struct PartFile {
    file: std::fs::File,
    temp: TempFile,
    path: PathBuf,
    written: u64,
}

impl PartFile {
    /// A new temporary file beside `path`.
    pub fn create(path: &Path) -> Result<PartFile> {
        let temp = temp_path(path)?;
        let file = std::fs::File::create(&temp).map_err(|e| io_error(path, "create", e))?;
        Ok(PartFile {
            file,
            temp: TempFile(Some(temp)),
            path: path.to_path_buf(),
            written: 0,
        })
    }

    /// Append a chunk; the bytes written so far.
    pub fn write(&mut self, chunk: &[u8]) -> Result<u64> {
        use std::io::Write;
        self.file
            .write_all(chunk)
            .map_err(|e| io_error(&self.path, "write", e))?;
        self.written += chunk.len() as u64;
        Ok(self.written)
    }

    /// Flush to disk and rename into place; the bytes written.
    pub fn commit(mut self) -> Result<u64> {
        self.file
            .sync_all()
            .map_err(|e| io_error(&self.path, "write", e))?;
        let temp = self.temp.0.clone().expect("armed until committed");
        std::fs::rename(&temp, &self.path).map_err(|e| io_error(&self.path, "replace", e))?;
        self.temp.0 = None;
        Ok(self.written)
    }
}

/// Download `link` to `path` with the core's own transport, sending the
/// headers of [`download_headers`]. Returns the bytes written.
pub async fn save_video(
    link: &str,
    path: &Path,
    source: Option<&Response>,
    extra: &[(String, String)],
    options: &Options,
    progress: Option<Progress>,
) -> Result<u64> {
    let plan = DownloadPlan::new(link, path, source, extra, options)?;
    let observer = observe::current();
    observe::attempt(
        observer.as_ref(),
        || Attempt::new(ObservedPurpose::Download, None, "GET", plan.url.as_str(), 0),
        options.trace_context.unwrap_or(true),
        |trace| fetch(&plan, path, options, trace, progress),
        Finished::download,
    )
    .await
}

/// [`save_video`]'s request and write, with the observer's headers.
async fn fetch(
    plan: &DownloadPlan,
    path: &Path,
    options: &Options,
    trace: observe::Headers,
    mut progress: Option<Progress>,
) -> Result<u64> {
    let target = plan.target.clone();
    let connect_timeout = options
        .connect_timeout
        .unwrap_or(crate::options::DEFAULT_CONNECT_TIMEOUT);
    let proxied = options.proxy.is_some();
    let timeout = plan.timeout;
    let fail = |e| classify(e, &target, timeout, connect_timeout, proxied);
    let client = http_client(options, Purpose::Download)?;
    // The slot is held until the file is written (or the download fails).
    let (_slot, left) = connection_slot(plan.url.as_str(), options, &target).await?;
    let mut req = client.get(plan.url.clone()).timeout(left);
    for (k, v) in plan.headers.iter().chain(&trace) {
        req = req.header(k.as_str(), v.as_str());
    }
    let started = Instant::now();
    let resp = req.send().await.map_err(fail)?;
    let status = resp.status().as_u16();
    if status != 200 {
        let headers = resp.headers().clone();
        let final_url = crate::request::redact_url(resp.url().as_str());
        let body = resp.bytes().await.unwrap_or_default();
        let answer = Response::new(status, headers, final_url, started.elapsed(), body);
        return Err(plan.refused(answer));
    }
    let total = resp.content_length();
    let mut file = PartFile::create(path)?;
    let mut stream = resp.bytes_stream();
    while let Some(chunk) = stream.next().await {
        let written = file.write(&chunk.map_err(fail)?)?;
        if let Some(p) = progress.as_mut() {
            p(written, total);
        }
    }
    if let Some(expected) = total {
        if file.written != expected {
            return Err(plan.short(file.written, expected));
        }
    }
    file.commit()
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

/// The extra headers of a download and the options in force for it.
pub type DownloadSettings = (Vec<(String, String)>, Options);

/// A download's settings: the app's own (`headers`, `timeout`, ...) over
/// those of the scope that made the call; the headers are the extra ones
/// (see [`download_headers`]).
pub fn download_settings(mut given: Options, scope: Option<&crate::Client>) -> DownloadSettings {
    let extra = given.headers.take().unwrap_or_default();
    let options = match scope {
        Some(c) => given.inherit(&c.options()),
        None => given,
    };
    (extra, options)
}
