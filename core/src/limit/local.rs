//! A token bucket and an in-flight cap in this process.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::Semaphore;

use super::{Permit, RateLimit};

/// Tokens at one instant: the arithmetic, apart from the clock.
#[derive(Debug, Clone)]
pub(crate) struct Tokens {
    rate: f64,
    burst: f64,
    tokens: f64,
    at: Instant,
    paused_until: Option<Instant>,
}

impl Tokens {
    pub(crate) fn new(rate: f64, burst: u32, now: Instant) -> Tokens {
        let burst = f64::from(burst.max(1));
        Tokens {
            rate,
            burst,
            tokens: burst,
            at: now,
            paused_until: None,
        }
    }

    /// Take a token at `now`, or say how long until one is there.
    pub(crate) fn take(&mut self, now: Instant) -> Result<(), Duration> {
        if let Some(until) = self.paused_until {
            if now < until {
                return Err(until - now);
            }
            self.paused_until = None;
        }
        let elapsed = now.saturating_duration_since(self.at).as_secs_f64();
        self.tokens = (self.tokens + elapsed * self.rate).min(self.burst);
        self.at = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - self.tokens) / self.rate))
        }
    }

    /// No token before `now + pause`; the bucket starts empty then.
    pub(crate) fn pause(&mut self, now: Instant, pause: Duration) {
        let until = now + pause;
        if !matches!(self.paused_until, Some(u) if u >= until) {
            self.paused_until = Some(until);
            self.tokens = 0.0;
            self.at = until;
        }
    }
}

pub(crate) struct Bucket {
    tokens: Option<Mutex<Tokens>>,
    in_flight: Option<Arc<Semaphore>>,
}

impl Bucket {
    pub(crate) fn new(settings: &RateLimit) -> Bucket {
        Bucket {
            tokens: settings
                .rate
                .map(|r| Mutex::new(Tokens::new(r, settings.burst, Instant::now()))),
            in_flight: settings
                .max_in_flight
                .map(|n| Arc::new(Semaphore::new(n as usize))),
        }
    }

    pub(crate) async fn acquire(&self) -> Permit {
        let local = match &self.in_flight {
            Some(s) => Some(
                s.clone()
                    .acquire_owned()
                    .await
                    .expect("the semaphore is never closed"),
            ),
            None => None,
        };
        if let Some(tokens) = &self.tokens {
            loop {
                let wait = {
                    let mut t = tokens.lock().unwrap_or_else(|e| e.into_inner());
                    match t.take(Instant::now()) {
                        Ok(()) => break,
                        Err(wait) => wait,
                    }
                };
                tokio::time::sleep(wait).await;
            }
        }
        Permit { local, lease: None }
    }

    pub(crate) fn pause(&self, pause: Duration) {
        if let Some(tokens) = &self.tokens {
            let mut t = tokens.lock().unwrap_or_else(|e| e.into_inner());
            t.pause(Instant::now(), pause);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bucket_gives_its_burst_then_its_rate() {
        let t0 = Instant::now();
        let mut t = Tokens::new(10.0, 3, t0);
        for _ in 0..3 {
            assert_eq!(t.take(t0), Ok(()));
        }
        let wait = t.take(t0).unwrap_err();
        assert!((wait.as_secs_f64() - 0.1).abs() < 1e-9);
        assert_eq!(t.take(t0 + Duration::from_millis(100)), Ok(()));
        // A long quiet spell fills it to the burst, not more.
        let later = t0 + Duration::from_secs(60);
        for _ in 0..3 {
            assert_eq!(t.take(later), Ok(()));
        }
        assert!(t.take(later).is_err());
    }

    #[test]
    fn over_any_second_at_most_rate_plus_burst_go() {
        let t0 = Instant::now();
        let mut t = Tokens::new(20.0, 5, t0);
        let mut granted = Vec::new();
        let mut now = t0;
        while now < t0 + Duration::from_secs(5) {
            match t.take(now) {
                Ok(()) => granted.push(now),
                Err(wait) => now += wait,
            }
        }
        for (i, start) in granted.iter().enumerate() {
            let within = granted[i..]
                .iter()
                .take_while(|g| **g < *start + Duration::from_secs(1))
                .count();
            assert!(within <= 25, "{within} in one second");
        }
        assert!(granted.len() >= 100);
    }

    #[test]
    fn a_pause_holds_everyone_and_empties_the_bucket() {
        let t0 = Instant::now();
        let mut t = Tokens::new(100.0, 10, t0);
        t.pause(t0, Duration::from_secs(2));
        assert_eq!(t.take(t0).unwrap_err(), Duration::from_secs(2));
        // A shorter pause does not cut a longer one.
        t.pause(t0, Duration::from_secs(1));
        let at = t0 + Duration::from_secs(2);
        assert!(t.take(at).is_err());
        assert_eq!(t.take(at + Duration::from_millis(10)), Ok(()));
    }
}
