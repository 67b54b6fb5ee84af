//! The accept loop: one hyper HTTP/1 connection per socket, each with a
//! handle the fault switches use to close it abruptly (with or without a TCP
//! reset), which an axum handler alone cannot do.

use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use hyper::body::Incoming;
use hyper::Request;
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Notify};
use tokio_rustls::TlsAcceptor;
use tower::Service;

/// A connection's kill switch, handed to requests as an extension.
#[derive(Default)]
pub struct Connection {
    notify: Notify,
    killed: AtomicBool,
    reset: AtomicBool,
    after_flush: AtomicBool,
}

impl Connection {
    /// Close the connection now: with a TCP reset, or a plain close.
    pub fn kill(&self, reset: bool) {
        if reset {
            self.reset.store(true, Ordering::SeqCst);
        }
        self.killed.store(true, Ordering::SeqCst);
        self.notify.notify_one();
    }

    /// Close the connection once what was written so far has been sent.
    pub fn kill_after_flush(&self) {
        self.after_flush.store(true, Ordering::SeqCst);
    }

    async fn killed(&self) {
        while !self.killed.load(Ordering::SeqCst) {
            self.notify.notified().await;
        }
    }
}

/// The socket, watched: it tells the connection when a truncated answer has
/// been flushed, and resets the connection on drop when asked to.
struct Socket {
    inner: TcpStream,
    conn: Arc<Connection>,
}

impl Drop for Socket {
    fn drop(&mut self) {
        if self.conn.reset.load(Ordering::SeqCst) {
            // SO_LINGER 0: close() sends RST instead of FIN, without blocking.
            let _ = self.inner.set_zero_linger();
        }
    }
}

impl AsyncRead for Socket {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl AsyncWrite for Socket {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let r = Pin::new(&mut self.inner).poll_flush(cx);
        // hyper writes out its buffer before flushing the socket: by now the
        // partial body is on its way, and the connection can be cut.
        if matches!(r, Poll::Ready(Ok(()))) && self.conn.after_flush.load(Ordering::SeqCst) {
            self.conn.kill(false);
        }
        r
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

const CERT_PEM: &[u8] = include_bytes!("../tls/cert.pem");
const KEY_PEM: &[u8] = include_bytes!("../tls/key.pem");

/// A TLS acceptor with the repository's test certificate (`sandbox/tls/`):
/// a server certificate issued by a test CA no client trusts by default.
pub fn tls_acceptor() -> io::Result<TlsAcceptor> {
    use tokio_rustls::rustls::pki_types::pem::PemObject;
    use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let bad = |e: &dyn std::fmt::Display| io::Error::new(io::ErrorKind::InvalidData, e.to_string());
    // The server's certificate, then its issuer's: the chain sent.
    let chain = CertificateDer::pem_slice_iter(CERT_PEM)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| bad(&e))?;
    let key = PrivateKeyDer::from_pem_slice(KEY_PEM).map_err(|e| bad(&e))?;
    let provider = Arc::new(tokio_rustls::rustls::crypto::aws_lc_rs::default_provider());
    let config = tokio_rustls::rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| bad(&e))?
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .map_err(|e| bad(&e))?;
    Ok(TlsAcceptor::from(Arc::new(config)))
}

/// Accept connections until `shutdown` turns true.
pub async fn run(
    listener: TcpListener,
    router: Router,
    tls: Option<TlsAcceptor>,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        let accepted = tokio::select! {
            a = listener.accept() => a,
            _ = shutdown.wait_for(|s| *s) => break,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(e) => {
                // Out of file descriptors and the like: wait, then go on.
                if !matches!(
                    e.kind(),
                    io::ErrorKind::ConnectionAborted | io::ErrorKind::ConnectionReset
                ) {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        tokio::spawn(serve_connection(
            stream,
            router.clone(),
            tls.clone(),
            shutdown.clone(),
        ));
    }
}

async fn serve_connection(
    stream: TcpStream,
    router: Router,
    tls: Option<TlsAcceptor>,
    shutdown: watch::Receiver<bool>,
) {
    let conn = Arc::new(Connection::default());
    let socket = Socket {
        inner: stream,
        conn: conn.clone(),
    };
    match tls {
        None => serve(socket, conn, router, shutdown).await,
        Some(acceptor) => {
            // A client that refuses the certificate ends the handshake here.
            if let Ok(Ok(stream)) =
                tokio::time::timeout(Duration::from_secs(10), acceptor.accept(socket)).await
            {
                serve(stream, conn, router, shutdown).await;
            }
        }
    }
}

async fn serve<I>(io: I, conn: Arc<Connection>, router: Router, mut shutdown: watch::Receiver<bool>)
where
    I: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let handle = conn.clone();
    let service = hyper::service::service_fn(move |mut req: Request<Incoming>| {
        req.extensions_mut().insert(handle.clone());
        let mut router = router.clone();
        async move { router.call(req).await }
    });
    // No header-read timer: idle keep-alive connections stay open until the
    // client closes them, so a pooled connection is never cut under a client.
    let serving =
        hyper::server::conn::http1::Builder::new().serve_connection(TokioIo::new(io), service);
    tokio::select! {
        _ = serving => {}
        _ = conn.killed() => {}
        _ = shutdown.wait_for(|s| *s) => {}
    }
}
