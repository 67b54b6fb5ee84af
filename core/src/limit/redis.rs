//! The bucket in Redis, shared by every process that names it.
//!
//! Three keys under `tikapi:limit:<name>:`: `bucket` (a hash: tokens and
//! when they were counted), `flight` (a sorted set of in-flight leases, each
//! scored by when it lapses, so a worker that dies holding one frees it
//! after the call's timeout) and `pause` (when sending may start again after
//! a 429). Each step is one Lua script, atomic in Redis, timed by Redis's own
//! clock, so machines' clocks need not agree. Nothing about the caller is
//! stored: no key, no URL, only counts and random lease ids.
//!
//! Redis is spoken directly (RESP over one TCP connection per bucket, kept
//! on the shared runtime): no client library is needed.

use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::sync::Mutex;

use super::{Permit, RateLimit};
use crate::error::{Error, Result, TransportKind};

/// Take a place: 0 when taken, else how many milliseconds to wait first.
/// KEYS: bucket, flight, pause. ARGV: rate (0: none), burst, max in flight
/// (0: none), lease id, lease lifetime in ms.
const ACQUIRE: &str = r"
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local max = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local pause = tonumber(redis.call('GET', KEYS[3]) or '0')
if pause > now then return pause - now end
if max > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
  if redis.call('ZCARD', KEYS[2]) >= max then return 25 end
end
if rate > 0 then
  local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
  local tokens = tonumber(b[1]) or burst
  local at = tonumber(b[2]) or now
  if now > at then
    tokens = math.min(burst, tokens + (now - at) * rate / 1000)
    at = now
  end
  if tokens < 1 then return math.max(1, math.ceil((1 - tokens) * 1000 / rate)) end
  redis.call('HSET', KEYS[1], 'tokens', tostring(tokens - 1), 'at', tostring(at))
  redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 60000)
end
if max > 0 then
  local ttl = tonumber(ARGV[5])
  redis.call('ZADD', KEYS[2], now + ttl, ARGV[4])
  redis.call('PEXPIRE', KEYS[2], ttl + 60000)
end
return 0
";

/// Pause everyone for ARGV[1] ms (unless a longer pause is on); the bucket
/// starts empty after it. KEYS: bucket, flight, pause.
const PAUSE: &str = r"
local ms = tonumber(ARGV[1])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local till = now + ms
local cur = tonumber(redis.call('GET', KEYS[3]) or '0')
if till > cur then
  redis.call('SET', KEYS[3], tostring(till), 'PX', ms)
  if redis.call('EXISTS', KEYS[1]) == 1 then
    redis.call('HSET', KEYS[1], 'tokens', '0', 'at', tostring(till))
  end
end
return 0
";

/// Where the bucket lives: `redis://[[user]:password@]host[:port][/db]`.
#[derive(Clone)]
struct Target {
    host: String,
    port: u16,
    db: u32,
    user: Option<String>,
    password: Option<String>,
    /// The URL without its password, for errors.
    shown: String,
}

impl Target {
    fn parse(raw: &str) -> std::result::Result<Target, String> {
        let url = url::Url::parse(raw).map_err(|e| format!("it is not a URL ({e})"))?;
        match url.scheme() {
            "redis" => {}
            "rediss" => {
                return Err("rediss:// (Redis over TLS) is not supported yet; \
                            reach Redis over a private network or a TLS tunnel"
                    .to_owned())
            }
            other => return Err(format!("the scheme must be redis://, not {other}://")),
        }
        let host = url
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or("it has no host")?;
        let host = host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_owned();
        let port = url.port().unwrap_or(6379);
        let db = match url.path().trim_start_matches('/') {
            "" => 0,
            d => d
                .parse::<u32>()
                .map_err(|_| format!("the database must be a number, not {d:?}"))?,
        };
        let decode = |s: &str| {
            percent_encoding::percent_decode_str(s)
                .decode_utf8_lossy()
                .into_owned()
        };
        let user = Some(decode(url.username())).filter(|u| !u.is_empty());
        let password = url.password().map(decode);
        Ok(Target {
            shown: format!("redis://{}:{port}/{db}", url.host_str().unwrap_or_default()),
            host,
            port,
            db,
            user,
            password,
        })
    }
}

// Shown without its password.
impl std::fmt::Debug for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown)
    }
}

/// One value Redis answers.
#[derive(Debug, PartialEq)]
enum Reply {
    Status(String),
    Int(i64),
    Bulk(Option<Vec<u8>>),
    Array(Option<Vec<Reply>>),
}

struct Conn {
    read: BufReader<tokio::net::tcp::OwnedReadHalf>,
    write: tokio::net::tcp::OwnedWriteHalf,
}

/// Failures talking to Redis: `Err(Ok(text))` is an error Redis answered,
/// `Err(Err(io))` a broken connection.
type Talk<T> = std::result::Result<T, std::result::Result<String, std::io::Error>>;

impl Conn {
    async fn open(t: &Target) -> Talk<Conn> {
        let stream = tokio::time::timeout(
            Duration::from_secs(5),
            TcpStream::connect((t.host.as_str(), t.port)),
        )
        .await
        .map_err(|_| Err(std::io::Error::from(std::io::ErrorKind::TimedOut)))?
        .map_err(Err)?;
        stream.set_nodelay(true).map_err(Err)?;
        let (read, write) = stream.into_split();
        let mut conn = Conn {
            read: BufReader::new(read),
            write,
        };
        if let Some(password) = &t.password {
            let mut auth: Vec<&[u8]> = vec![b"AUTH"];
            auth.extend(t.user.as_deref().map(str::as_bytes));
            auth.push(password.as_bytes());
            conn.command(&auth).await?;
        }
        if t.db != 0 {
            conn.command(&[b"SELECT", t.db.to_string().as_bytes()])
                .await?;
        }
        Ok(conn)
    }

    async fn command(&mut self, args: &[&[u8]]) -> Talk<Reply> {
        let mut out = format!("*{}\r\n", args.len()).into_bytes();
        for a in args {
            out.extend_from_slice(format!("${}\r\n", a.len()).as_bytes());
            out.extend_from_slice(a);
            out.extend_from_slice(b"\r\n");
        }
        self.write.write_all(&out).await.map_err(Err)?;
        self.reply().await
    }

    fn reply(
        &mut self,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Talk<Reply>> + Send + '_>> {
        Box::pin(async move {
            let broken = |what: &str| {
                Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    what.to_owned(),
                ))
            };
            let mut line = String::new();
            if self.read.read_line(&mut line).await.map_err(Err)? == 0 {
                return Err(Err(std::io::ErrorKind::UnexpectedEof.into()));
            }
            let line = line.trim_end_matches(['\r', '\n']);
            let (kind, rest) = line.split_at(line.len().min(1));
            let number = || rest.parse::<i64>().map_err(|_| broken("a bad number"));
            match kind {
                "+" => Ok(Reply::Status(rest.to_owned())),
                "-" => Err(Ok(rest.to_owned())),
                ":" => Ok(Reply::Int(number()?)),
                "$" => {
                    let n = number()?;
                    if n < 0 {
                        return Ok(Reply::Bulk(None));
                    }
                    let mut buf = vec![0; n as usize + 2];
                    self.read.read_exact(&mut buf).await.map_err(Err)?;
                    buf.truncate(n as usize);
                    Ok(Reply::Bulk(Some(buf)))
                }
                "*" => {
                    let n = number()?;
                    if n < 0 {
                        return Ok(Reply::Array(None));
                    }
                    let mut items = Vec::with_capacity(n as usize);
                    for _ in 0..n {
                        items.push(self.reply().await?);
                    }
                    Ok(Reply::Array(Some(items)))
                }
                _ => Err(broken("an unknown reply type")),
            }
        })
    }
}

/// What a bucket's users share: where it is, its keys, one connection.
struct Shared {
    target: Target,
    keys: [String; 3],
    conn: Mutex<Option<Conn>>,
}

impl Shared {
    /// Run `args` on the bucket's connection, opening it if needed; a broken
    /// connection is dropped and the command tried once more on a new one.
    async fn run(&self, args: &[&[u8]]) -> Talk<Reply> {
        let mut slot = self.conn.lock().await;
        for round in 0..2 {
            // Taken out while in use: a command cut off half-way never
            // leaves a connection whose replies are out of step.
            let mut conn = match slot.take() {
                Some(c) => c,
                None => Conn::open(&self.target).await?,
            };
            match conn.command(args).await {
                Ok(reply) => {
                    *slot = Some(conn);
                    return Ok(reply);
                }
                Err(Ok(redis_error)) => {
                    *slot = Some(conn);
                    return Err(Ok(redis_error));
                }
                Err(Err(io)) if round == 1 => return Err(Err(io)),
                Err(Err(_)) => continue,
            }
        }
        unreachable!("the loop returns in its second round")
    }

    async fn eval(&self, script: &str, args: &[&[u8]]) -> Talk<Reply> {
        let mut all: Vec<&[u8]> = vec![b"EVAL", script.as_bytes(), b"3"];
        all.extend(self.keys.iter().map(|k| k.as_bytes()));
        all.extend_from_slice(args);
        self.run(&all).await
    }
}

pub(crate) struct Bucket {
    shared: Arc<Shared>,
    rate: f64,
    burst: u32,
    max_in_flight: u32,
}

/// An in-flight place in Redis, given back when the request is over.
pub(crate) struct Lease {
    shared: Arc<Shared>,
    id: String,
}

impl Lease {
    pub(crate) fn release(self) {
        // On the shared runtime, where the connection lives; if this fails,
        // the lease lapses by itself.
        drop(crate::runtime::runtime().spawn(async move {
            let _ = self
                .shared
                .run(&[b"ZREM", self.shared.keys[1].as_bytes(), self.id.as_bytes()])
                .await;
        }));
    }
}

impl Bucket {
    pub(crate) fn new(settings: &RateLimit, url: &str) -> Result<Bucket> {
        let target = Target::parse(url).map_err(|why| {
            Error::Usage(format!(
                "the option rate_limit / rateLimit: `redis` must be a redis:// URL: {why}"
            ))
        })?;
        let base = format!("tikapi:limit:{}:", settings.name);
        Ok(Bucket {
            shared: Arc::new(Shared {
                target,
                keys: [
                    format!("{base}bucket"),
                    format!("{base}flight"),
                    format!("{base}pause"),
                ],
                conn: Mutex::new(None),
            }),
            rate: settings.rate.unwrap_or(0.0),
            burst: settings.burst.max(1),
            max_in_flight: settings.max_in_flight.unwrap_or(0),
        })
    }

    fn failed(&self, target: &str, why: std::result::Result<String, std::io::Error>) -> Error {
        let shown = &self.shared.target.shown;
        let (kind, reason) = match why {
            Ok(answered) => (
                TransportKind::Other,
                format!("the shared rate limit's Redis at {shown} refused: {answered}"),
            ),
            Err(io) => (
                TransportKind::Connect,
                format!("could not reach the shared rate limit's Redis at {shown}: {io}"),
            ),
        };
        Error::transport(kind, target.to_owned(), reason)
    }

    /// Wait for a place; `budget` bounds how long an in-flight lease lives.
    pub(crate) async fn acquire(&self, target: &str, budget: Duration) -> Result<Permit> {
        let id = format!("{}-{:016x}", std::process::id(), fastrand::u64(..));
        let ttl = (budget.as_millis() as u64).saturating_add(1000).max(1000);
        let args = [
            self.rate.to_string(),
            self.burst.to_string(),
            self.max_in_flight.to_string(),
            id.clone(),
            ttl.to_string(),
        ];
        loop {
            let shared = self.shared.clone();
            let args = args.clone();
            let reply = crate::runtime::spawn(async move {
                let args: Vec<&[u8]> = args.iter().map(|a| a.as_bytes()).collect();
                shared.eval(ACQUIRE, &args).await
            })
            .await
            .map_err(|why| self.failed(target, why))?;
            match reply {
                Reply::Int(0) => {
                    let lease = (self.max_in_flight > 0).then(|| Lease {
                        shared: self.shared.clone(),
                        id: id.clone(),
                    });
                    return Ok(Permit { local: None, lease });
                }
                Reply::Int(ms) if ms > 0 => {
                    // Wait at most a second at a time: a pause may be lifted
                    // or a lease given back meanwhile.
                    tokio::time::sleep(Duration::from_millis(ms.min(1000) as u64)).await;
                }
                other => {
                    return Err(self.failed(
                        target,
                        Ok(format!(
                            "unexpected answer to the bucket's script: {other:?}"
                        )),
                    ))
                }
            }
        }
    }

    pub(crate) async fn pause(&self, pause: Duration) {
        let ms = (pause.as_millis() as u64).max(1).to_string();
        let shared = self.shared.clone();
        // Best effort: a pause that cannot be stored leaves each worker its
        // own retry policy.
        let _ =
            crate::runtime::spawn(async move { shared.eval(PAUSE, &[ms.as_bytes()]).await }).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_read_and_shown_without_their_password() {
        let t = Target::parse("redis://worker:s%40cret@10.0.0.5:6380/2").unwrap();
        assert_eq!((t.host.as_str(), t.port, t.db), ("10.0.0.5", 6380, 2));
        assert_eq!(t.user.as_deref(), Some("worker"));
        assert_eq!(t.password.as_deref(), Some("s@cret"));
        assert_eq!(t.shown, "redis://10.0.0.5:6380/2");
        let t = Target::parse("redis://:pw@localhost").unwrap();
        assert_eq!(
            (t.user, t.password.as_deref(), t.port, t.db),
            (None, Some("pw"), 6379, 0)
        );
        assert!(Target::parse("http://localhost")
            .unwrap_err()
            .contains("redis://"));
        assert!(Target::parse("rediss://localhost")
            .unwrap_err()
            .contains("TLS"));
        assert!(Target::parse("redis://localhost/x")
            .unwrap_err()
            .contains("database"));
    }
}
