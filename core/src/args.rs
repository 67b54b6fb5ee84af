//! Ordered name → value maps: call arguments and values bound by `set`.

use crate::value::Value;

/// Named values in the order they were given. Later `set`s of a name replace
/// its value in place, as a JavaScript object or Python dict would.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Args(Vec<(String, Value)>);

impl Args {
    pub fn new() -> Self {
        Args(Vec::new())
    }

    /// The value of `name`, treating an explicit null as absent.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
            .filter(|v| !v.is_null())
    }

    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    pub fn set(&mut self, name: impl Into<String>, value: impl Into<Value>) {
        let name = name.into();
        let value = value.into();
        match self.0.iter_mut().find(|(k, _)| *k == name) {
            Some(slot) => slot.1 = value,
            None => self.0.push((name, value)),
        }
    }

    /// Builder form of [`Args::set`].
    pub fn with(mut self, name: impl Into<String>, value: impl Into<Value>) -> Self {
        self.set(name, value);
        self
    }

    /// Copy every entry of `other` over this one.
    pub fn extend(&mut self, other: &Args) {
        for (k, v) in other.iter() {
            self.set(k.clone(), v.clone());
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &(String, Value)> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<K: Into<String>, V: Into<Value>> FromIterator<(K, V)> for Args {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut args = Args::new();
        for (k, v) in iter {
            args.set(k, v);
        }
        args
    }
}

/// Build [`Args`] from `name => value` pairs.
///
/// ```
/// let args = tikapi_core::args! { "username" => "lilyachty", "count" => 10 };
/// assert_eq!(args.len(), 2);
/// ```
#[macro_export]
macro_rules! args {
    () => { $crate::Args::new() };
    ($($name:expr => $value:expr),+ $(,)?) => {{
        let mut args = $crate::Args::new();
        $( args.set($name, $value); )+
        args
    }};
}
