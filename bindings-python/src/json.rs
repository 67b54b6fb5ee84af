//! `json()`: a response body parsed straight into Python objects.
//!
//! `json.loads` decodes the bytes to `str` and then walks them; here the
//! bytes are walked once (jiter's pull parser) and each value becomes its
//! Python object as it is read, 1.4-2.1 times faster than `json.loads` on
//! TikAPI's answers (BENCHMARKS.md). The result is the one `json.loads`
//! gives: objects keep the order and the last of duplicate keys, floats are
//! correctly rounded.
//! Whatever this parser does not take exactly as `json.loads` would, it does
//! not take at all: invalid JSON, a lone surrogate escape, a byte-order mark,
//! an integer beyond 64 bits, nesting deeper than [`MAX_DEPTH`], and `NaN` /
//! `Infinity` (`json.loads` returns the same float object for every one, so
//! `[NaN] == json.loads(b"[NaN]")` holds; a fresh float would break that).
//! [`parse`] returns `None` for those, and the caller hands the body to
//! `json.loads`, which accepts it or raises its own error.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use jiter::{Jiter, NumberAny, NumberInt, Peek};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

/// Deeper than this, `json.loads` decides (its own limit is the
/// interpreter's recursion limit). TikAPI's answers nest about 10 deep; the
/// bound also keeps this parser's stack use small on small thread stacks.
const MAX_DEPTH: usize = 64;

/// The body as Python objects, or `None` where `json.loads` must decide:
/// whatever stops the parse (jiter refusing the text, the depth bound, or a
/// Python error such as a failed allocation) hands the body to `json.loads`.
pub fn parse(py: Python<'_>, body: &[u8]) -> Option<Py<PyAny>> {
    let mut reader = Reader {
        py,
        jiter: Jiter::new(body),
        // Room for the distinct keys of a typical answer without regrowing.
        keys: Keys::with_capacity_and_hasher(64, Default::default()),
    };
    let peek = reader.jiter.peek().ok()?;
    let value = reader.value(peek, 0)?;
    reader.jiter.finish().ok()?;
    Some(value.unbind())
}

struct Reader<'j, 'py> {
    py: Python<'py>,
    jiter: Jiter<'j>,
    /// Each distinct key made once per body, as `json.loads` memoises them:
    /// a page of 30 posts repeats every key 30 times.
    keys: Keys,
}

/// Key text -> its object, hashed with FxHash (keys are short and not
/// chosen by an attacker who gains anything from collisions here).
type Keys = HashMap<Box<str>, Py<PyString>, BuildHasherDefault<rustc_hash::FxHasher>>;

impl<'py> Reader<'_, 'py> {
    /// The value `peek` starts, or `None` to stop the parse.
    fn value(&mut self, peek: Peek, depth: usize) -> Option<Bound<'py, PyAny>> {
        let py = self.py;
        Some(match peek {
            Peek::Null => {
                self.jiter.known_null().ok()?;
                py.None().into_bound(py)
            }
            Peek::True | Peek::False => {
                let b = self.jiter.known_bool(peek).ok()?;
                pyo3::types::PyBool::new(py, b).to_owned().into_any()
            }
            Peek::String => PyString::new(py, self.jiter.known_str().ok()?).into_any(),
            Peek::Array if depth < MAX_DEPTH => {
                // Collected first: one list of the right size, not grown.
                let mut items = Vec::new();
                let mut next = self.jiter.known_array().ok()?;
                while let Some(peek) = next {
                    items.push(self.value(peek, depth + 1)?);
                    next = self.jiter.array_step().ok()?;
                }
                PyList::new(py, items).ok()?.into_any()
            }
            Peek::Object if depth < MAX_DEPTH => {
                let dict = PyDict::new(py);
                let mut key = self
                    .jiter
                    .known_object()
                    .ok()?
                    .map(|k| memo(py, &mut self.keys, k));
                while let Some(k) = key {
                    let peek = self.jiter.peek().ok()?;
                    dict.set_item(k, self.value(peek, depth + 1)?).ok()?;
                    key = self
                        .jiter
                        .next_key()
                        .ok()?
                        .map(|k| memo(py, &mut self.keys, k));
                }
                dict.into_any()
            }
            Peek::Array | Peek::Object => return None, // deeper than MAX_DEPTH
            _ => match self.jiter.known_number(peek).ok()? {
                NumberAny::Int(NumberInt::Int(i)) => i.into_pyobject(py).ok()?.into_any(),
                NumberAny::Float(f) => f.into_pyobject(py).ok()?.into_any(),
            },
        })
    }
}

/// The key object for `text`, made once per body.
fn memo<'py>(py: Python<'py>, keys: &mut Keys, text: &str) -> Bound<'py, PyString> {
    if let Some(k) = keys.get(text) {
        return k.bind(py).clone();
    }
    let k = PyString::new(py, text);
    keys.insert(text.into(), k.clone().unbind());
    k
}
