//! A scripted HTTP server on loopback for transport tests: each accepted
//! connection takes the next scripted action; requests are recorded.

#![allow(dead_code)]

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[derive(Clone)]
pub enum Action {
    /// Answer with these raw bytes, then close.
    Raw(Vec<u8>),
    /// Read the request and never answer.
    Hang,
    /// Close without answering.
    Close,
    /// Send these bytes, then keep the connection open and silent.
    Stall(Vec<u8>),
    /// Answer with these bytes, keep the connection open and idle for the
    /// duration (a keep-alive connection), then close it, as a server's idle
    /// timeout does. Counted in `Server::closed` once closed.
    Linger(Vec<u8>, std::time::Duration),
}

pub fn respond(status: u16, headers: &[(&str, &str)], body: &[u8]) -> Action {
    let mut out = format!(
        "HTTP/1.1 {status} X\r\ncontent-length: {}\r\nconnection: close\r\n",
        body.len()
    );
    for (k, v) in headers {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(body);
    Action::Raw(bytes)
}

pub fn json(status: u16, body: &str) -> Action {
    respond(
        status,
        &[("content-type", "application/json")],
        body.as_bytes(),
    )
}

#[derive(Clone, Debug)]
pub struct Seen {
    pub head: String,
    pub body: Vec<u8>,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_owned())
        })
    }
    pub fn target(&self) -> String {
        self.head
            .lines()
            .next()
            .unwrap_or("")
            .split(' ')
            .nth(1)
            .unwrap_or("")
            .to_owned()
    }
}

pub struct Server {
    pub url: String,
    pub seen: Arc<Mutex<Vec<Seen>>>,
    /// Connections closed after lingering (`Action::Linger`).
    pub closed: Arc<std::sync::atomic::AtomicUsize>,
}

/// Start a server that plays `script` one connection at a time; once the
/// script is used up it repeats the last action.
pub fn serve(script: Vec<Action>) -> Server {
    let rt = tikapi_core::runtime::runtime();
    let listener = rt.block_on(TcpListener::bind("127.0.0.1:0")).unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let script = Arc::new(Mutex::new(VecDeque::from(script)));
    let seen2 = seen.clone();
    let closed = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let closed2 = closed.clone();
    rt.spawn(async move {
        loop {
            let Ok((sock, _)) = listener.accept().await else {
                return;
            };
            let action = {
                let mut s = script.lock().unwrap();
                if s.len() > 1 {
                    s.pop_front().unwrap()
                } else {
                    s.front().cloned().unwrap_or(Action::Close)
                }
            };
            let seen = seen2.clone();
            tokio::spawn(handle(sock, action, seen, closed2.clone()));
        }
    });
    Server { url, seen, closed }
}

async fn handle(
    mut sock: TcpStream,
    action: Action,
    seen: Arc<Mutex<Vec<Seen>>>,
    closed: Arc<std::sync::atomic::AtomicUsize>,
) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        match sock.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
    let len: usize = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-length:")
                .map(|v| v.trim().parse().unwrap_or(0))
        })
        .unwrap_or(0);
    while buf.len() < head_end + len {
        match sock.read(&mut chunk).await {
            Ok(0) | Err(_) => break,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    seen.lock().unwrap().push(Seen {
        head,
        body: buf[head_end..].to_vec(),
    });
    match action {
        Action::Raw(bytes) => {
            let _ = sock.write_all(&bytes).await;
            let _ = sock.shutdown().await;
        }
        Action::Hang => {
            let _ = sock.read(&mut chunk).await;
            std::future::pending::<()>().await;
        }
        Action::Close => {}
        Action::Stall(bytes) => {
            let _ = sock.write_all(&bytes).await;
            std::future::pending::<()>().await;
        }
        Action::Linger(bytes, idle) => {
            let _ = sock.write_all(&bytes).await;
            tokio::time::sleep(idle).await;
            drop(sock);
            closed.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
    }
}

/// A loopback port with nothing listening.
pub fn closed_port_url() -> String {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", l.local_addr().unwrap());
    drop(l);
    url
}
