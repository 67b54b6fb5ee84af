//! One key's budget, shared: the option `rate_limit` / `rateLimit`.
//!
//! Before each request (each retry too) the transport takes a place from
//! the call's limiter: a token from a bucket refilled at `rate` requests per
//! second (holding at most `burst`), and, with `max_in_flight`, one of that
//! many places for requests in flight, held until the answer is read. A 429
//! whose `Retry-After` asks for a pause pauses the bucket for every user of
//! it.
//!
//! Two kinds of bucket: in this process ([`local`]), shared by the calls of
//! every client with the same settings; and in Redis ([`redis`], with
//! `redis: "redis://host:port/db"`), shared by every process on every
//! machine that names the same bucket. Redis is spoken directly (a few
//! commands over one socket): nothing is needed unless it is used.

pub(crate) mod local;
pub(crate) mod redis;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use crate::error::{Error, Result, TransportKind};

/// The settings of a limiter. Two clients with equal settings draw from
/// the same bucket in one process; with `redis`, every process whose
/// settings name the same Redis and `name` does.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct RateLimit {
    /// Requests per second, on average (`None`: no rate, only `max_in_flight`).
    pub rate: Option<f64>,
    /// Requests that may go at once after a quiet spell (the bucket's size).
    pub burst: u32,
    /// Requests in flight at a time, among all users of the bucket.
    pub max_in_flight: Option<u32>,
    /// A `redis://` URL: the bucket lives there, shared by processes.
    pub redis: Option<String>,
    /// The bucket's name (Redis keys `tikapi:limit:<name>:...`).
    pub name: String,
}

/// The bucket name when none is given.
pub const DEFAULT_NAME: &str = "default";

impl RateLimit {
    /// At most `rate` requests per second, in bursts of at most one.
    pub fn per_second(rate: f64) -> RateLimit {
        RateLimit {
            rate: Some(rate),
            burst: 1,
            max_in_flight: None,
            redis: None,
            name: DEFAULT_NAME.to_owned(),
        }
    }

    /// These settings with a bucket of `burst`.
    pub fn with_burst(mut self, burst: u32) -> Self {
        self.burst = burst;
        self
    }

    /// These settings with at most `n` requests in flight.
    pub fn with_max_in_flight(mut self, n: u32) -> Self {
        self.max_in_flight = Some(n);
        self
    }

    /// These settings with the bucket in Redis at `url`.
    pub fn with_redis(mut self, url: impl Into<String>) -> Self {
        self.redis = Some(url.into());
        self
    }

    /// These settings with the bucket named `name`.
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = name.into();
        self
    }

    /// The registry key: every setting, the Redis URL as given.
    fn key(&self) -> String {
        format!(
            "{:?}|{}|{:?}|{:?}|{}",
            self.rate.map(f64::to_bits),
            self.burst,
            self.max_in_flight,
            self.redis,
            self.name
        )
    }

    /// Whether `name` can name a bucket: 1 to 64 letters, digits, `_ - . :`.
    pub fn valid_name(name: &str) -> bool {
        (1..=64).contains(&name.len())
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"_-.:".contains(&b))
    }
}

/// A place taken from a limiter: the in-flight place is given back when
/// this is dropped (the answer read, or the call given up).
#[derive(Default)]
pub(crate) struct Permit {
    local: Option<tokio::sync::OwnedSemaphorePermit>,
    lease: Option<redis::Lease>,
}

impl Drop for Permit {
    fn drop(&mut self) {
        drop(self.local.take());
        if let Some(lease) = self.lease.take() {
            lease.release();
        }
    }
}

/// A limiter, in this process or in Redis.
pub(crate) enum Limiter {
    Local(local::Bucket),
    Redis(redis::Bucket),
}

impl Limiter {
    /// The process's limiter for `settings` (made on first use).
    pub(crate) fn for_settings(settings: &RateLimit) -> Result<Arc<Limiter>> {
        static ALL: OnceLock<Mutex<HashMap<String, Arc<Limiter>>>> = OnceLock::new();
        let mut all = ALL
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if let Some(l) = all.get(&settings.key()) {
            return Ok(l.clone());
        }
        let made = Arc::new(match &settings.redis {
            None => Limiter::Local(local::Bucket::new(settings)),
            Some(url) => Limiter::Redis(redis::Bucket::new(settings, url)?),
        });
        all.insert(settings.key(), made.clone());
        Ok(made)
    }

    /// Wait for a place, at most `budget`; `target` names the request in
    /// errors. The time waited is returned with the place.
    pub(crate) async fn acquire(&self, target: &str, budget: Duration) -> Result<Permit> {
        let started = Instant::now();
        let waited_too_long = || {
            Error::transport(
                TransportKind::Timeout,
                target.to_owned(),
                format!(
                    "timed out after {budget:.1?} waiting for the rate limit \
                     (option rate_limit / rateLimit)"
                ),
            )
        };
        let permit = match self {
            Limiter::Local(b) => tokio::time::timeout(budget, b.acquire())
                .await
                .map_err(|_| waited_too_long())?,
            Limiter::Redis(b) => tokio::time::timeout(budget, b.acquire(target, budget))
                .await
                .map_err(|_| waited_too_long())??,
        };
        if started.elapsed() >= budget {
            return Err(waited_too_long());
        }
        Ok(permit)
    }

    /// Nobody sends for `pause` (a 429's `Retry-After`).
    pub(crate) async fn pause(&self, pause: Duration) {
        match self {
            Limiter::Local(b) => b.pause(pause),
            Limiter::Redis(b) => b.pause(pause).await,
        }
    }
}

/// Place the request under the call's limiter, if the options set one:
/// the place and the part of `budget` left.
pub(crate) async fn place(
    settings: Option<&RateLimit>,
    target: &str,
    budget: Duration,
) -> Result<(Option<(Arc<Limiter>, Permit)>, Duration)> {
    let Some(settings) = settings else {
        return Ok((None, budget));
    };
    let started = Instant::now();
    let limiter = Limiter::for_settings(settings)?;
    let permit = limiter.acquire(target, budget).await?;
    Ok((
        Some((limiter, permit)),
        budget.saturating_sub(started.elapsed()),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked() {
        assert!(RateLimit::valid_name("tikapi:prod-1.a_b"));
        assert!(!RateLimit::valid_name(""));
        assert!(!RateLimit::valid_name("a b"));
        assert!(!RateLimit::valid_name(&"x".repeat(65)));
    }

    #[test]
    fn equal_settings_share_one_limiter() {
        let a = RateLimit::per_second(5.0).with_name("shared-test");
        let one = Limiter::for_settings(&a).unwrap();
        let two = Limiter::for_settings(&a.clone()).unwrap();
        assert!(Arc::ptr_eq(&one, &two));
        let other = Limiter::for_settings(&a.with_burst(3)).unwrap();
        assert!(!Arc::ptr_eq(&one, &other));
    }
}
