//! Which official SDK's rules a client follows where the two SDKs differ.

/// The dialect of the official rules a client speaks. The official
/// JavaScript and Python SDKs agree on almost everything; where they differ
/// (how a value prints in a query, which cursor field wins, how options are
/// spelt and in which unit of time), the dialect decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Dialect {
    /// The official npm SDK's rules (`String(value)`, `true`, milliseconds).
    Js,
    /// The official PyPI SDK's rules (`str(value)`, `True`, seconds).
    Python,
    /// Rust callers: the JavaScript rules, which match JSON.
    #[default]
    Rust,
}

/// Whose words a validation message is in: the official npm SDK's or the
/// official PyPI SDK's. The templates themselves are data (the catalogue's
/// `messages`, each parameter's `help`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Wording {
    Js,
    Python,
}

impl Dialect {
    /// Whose words this dialect's validation messages are in (Rust callers:
    /// the npm SDK's, as for every other rule).
    pub fn wording(self) -> Wording {
        match self {
            Dialect::Python => Wording::Python,
            Dialect::Js | Dialect::Rust => Wording::Js,
        }
    }

    /// The name used in our `User-Agent`.
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Js => "node",
            Dialect::Python => "python",
            Dialect::Rust => "rust",
        }
    }
}
