//! What every request shares: the generated world, the counters behind
//! `/__sandbox/stats` (per endpoint, and catalogue calls per second), the `flaky=` fault's tallies, the answer cache, and
//! what a test set up: its scripted rules, the requests that arrived, and
//! the cassette being recorded or replayed.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use serde_json::{json, Value as Json};

use crate::cassette::Cassette;
use crate::script::{Arrival, Script};
use crate::world::World;

/// How many answers the sandbox remembers before starting over.
const ANSWER_CACHE: usize = 4096;
/// How many arrivals the sandbox keeps, at most.
const ARRIVALS: usize = 100_000;
/// How many wall-clock seconds `per_second` keeps, the latest ones.
pub const PER_SECOND_KEPT: u64 = 300;

pub struct Shared {
    pub world: World,
    /// Requests per endpoint key (and `__sandbox.video`).
    stats: Mutex<BTreeMap<String, u64>>,
    /// Catalogue calls per wall-clock second (a shared rate limiter's test).
    per_second: Mutex<PerSecond>,
    /// Requests being answered (a client that gives up on a `hang` makes
    /// this fall again: the test of cancellation).
    in_flight: AtomicI64,
    /// Recent success answers, by endpoint, host, account and parameters.
    answers: Mutex<HashMap<String, Bytes>>,
    /// Requests seen per `flaky=` token.
    flaky: Mutex<HashMap<String, u32>>,
    /// The scripted answers and faults (`crate::script`).
    pub script: Mutex<Script>,
    /// The catalogue calls that arrived, in order.
    pub arrivals: Mutex<Vec<Arrival>>,
    /// The cassette in use, recording or replaying (`crate::cassette`).
    pub cassette: Mutex<Option<Cassette>>,
    /// The calls a replayed cassette did not hold, as messages.
    pub misses: Mutex<Vec<String>>,
}

/// A lock that a panicking holder did not spoil: the data are counters and
/// caches, valid at every step.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Shared {
    pub fn new(seed: u64) -> Shared {
        Shared {
            world: World::new(seed),
            stats: Mutex::default(),
            per_second: Mutex::default(),
            in_flight: AtomicI64::new(0),
            answers: Mutex::default(),
            flaky: Mutex::default(),
            script: Mutex::default(),
            arrivals: Mutex::default(),
            cassette: Mutex::default(),
            misses: Mutex::default(),
        }
    }

    /// Back to a fresh sandbox for the next test: no rules, no arrivals, no
    /// cassette, no `flaky=` tallies, counters at zero. The generated world
    /// (a function of the seed) stays.
    pub fn reset(&self) {
        lock(&self.script).clear();
        lock(&self.arrivals).clear();
        *lock(&self.cassette) = None;
        lock(&self.misses).clear();
        lock(&self.flaky).clear();
        lock(&self.stats).clear();
        *lock(&self.per_second) = PerSecond::default();
    }

    /// Count one request to `key`.
    pub fn count(&self, key: &str) {
        let mut stats = lock(&self.stats);
        match stats.get_mut(key) {
            Some(n) => *n += 1,
            None => {
                stats.insert(key.to_owned(), 1);
            }
        }
    }

    /// The body of `/__sandbox/stats`.
    pub fn stats(&self) -> Json {
        let stats = lock(&self.stats);
        let total: u64 = stats.values().sum();
        let in_flight = self.in_flight.load(Ordering::SeqCst);
        let per_second = lock(&self.per_second);
        let seconds: BTreeMap<String, u64> = per_second
            .counts
            .iter()
            .map(|(s, n)| (s.to_string(), *n))
            .collect();
        json!({
            "total": total,
            "endpoints": *stats,
            "in_flight": in_flight,
            "per_second": seconds,
            "max_per_second": per_second.max,
        })
    }

    /// The `flaky=` tally of `token`, with this request counted.
    pub fn flaky_seen(&self, token: &str) -> u32 {
        let mut map = lock(&self.flaky);
        let n = map.entry(token.to_owned()).or_default();
        *n += 1;
        *n
    }

    /// Write down a catalogue call, and count it in its wall-clock second.
    /// A long benchmark run keeps the last [`ARRIVALS`] only.
    pub fn arrived(&self, arrival: Arrival) {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        lock(&self.per_second).add(now);
        let mut list = lock(&self.arrivals);
        if list.len() >= ARRIVALS {
            list.drain(..ARRIVALS / 2);
        }
        list.push(arrival);
    }

    pub fn cached(&self, key: &str) -> Option<Bytes> {
        lock(&self.answers).get(key).cloned()
    }

    pub fn remember(&self, key: String, answer: Bytes) {
        let mut cache = lock(&self.answers);
        if cache.len() >= ANSWER_CACHE {
            cache.clear();
        }
        cache.insert(key, answer);
    }
}

/// Catalogue calls counted per wall-clock (Unix) second as they arrive,
/// before any fault or scripted answer: what a client's rate limiter let
/// through. Keeps the last [`PER_SECOND_KEPT`] seconds; the highest count
/// stays until a reset.
#[derive(Default)]
pub struct PerSecond {
    pub counts: BTreeMap<u64, u64>,
    pub max: u64,
}

impl PerSecond {
    /// Count one call in `second`.
    pub fn add(&mut self, second: u64) {
        let n = self.counts.entry(second).or_default();
        *n += 1;
        self.max = self.max.max(*n);
        let newest = self.counts.last_key_value().map_or(second, |(s, _)| *s);
        while let Some((&oldest, _)) = self.counts.first_key_value() {
            if oldest + PER_SECOND_KEPT > newest {
                break;
            }
            self.counts.pop_first();
        }
    }
}

/// Counts a request in [`Shared`]'s `in_flight` until it is dropped
/// (answered, or abandoned with its connection).
pub struct InFlight(Arc<Shared>);

impl InFlight {
    pub fn enter(shared: &Arc<Shared>) -> InFlight {
        shared.in_flight.fetch_add(1, Ordering::SeqCst);
        InFlight(shared.clone())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_second_keeps_the_latest_seconds_and_the_highest_count() {
        let mut p = PerSecond::default();
        for _ in 0..7 {
            p.add(1_000);
        }
        p.add(1_001);
        assert_eq!(p.max, 7);
        for s in 1_002..1_002 + 2 * PER_SECOND_KEPT {
            p.add(s);
        }
        assert_eq!(p.counts.len() as u64, PER_SECOND_KEPT);
        let newest = 1_001 + 2 * PER_SECOND_KEPT;
        assert_eq!(
            p.counts.keys().next(),
            Some(&(newest + 1 - PER_SECOND_KEPT))
        );
        assert_eq!(p.max, 7, "the highest count outlives its second");
        // A clock stepped back counts in its own (older) second.
        p.add(newest - 10);
        assert_eq!(p.counts[&(newest - 10)], 2);
    }
}
