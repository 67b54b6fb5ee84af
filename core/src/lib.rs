//! # tikapi-core
//!
//! The engine behind the `tikapi` packages for Python and Node, and a Rust
//! SDK for [TikAPI](https://tikapi.io) of its own.
//!
//! One description of the API, [`catalogue`], drives everything: each
//! endpoint's parameters are resolved and validated the way the official
//! SDKs do ([`resolve`]), laid out as an HTTP request ([`Request`]), sent over
//! one shared connection pool with timeouts and optional retries
//! ([`transport`]), and paged with the official next-page rule ([`cursor`]).
//!
//! ```no_run
//! use tikapi_core::{args, Client, Error};
//!
//! # async fn demo() -> Result<(), Error> {
//! let api = Client::new("DemoAPIKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39Asd4s");
//! api.set(&args! {}, Some(true), None); // the sandbox
//! let mut page = Some(api.call("public.posts", args! { "secUid" => "MS4wLjABAAAAsHntXC3s0AvxcecggxsoVa4eAiT8OVafVZ4OQXxy-9htpnUi0sOYSr0kGGD1Loud" }).await?);
//! while let Some(r) = page {
//!     println!("{} bytes", r.body.len());
//!     page = Client::next_page(&r).await?;
//! }
//! # Ok(()) }
//! ```

pub mod answers;
pub mod args;
pub mod catalogue;
pub mod client;
pub mod cursor;
pub mod dialect;
pub mod download;
pub mod error;
pub mod exchange;
pub mod limit;
pub mod oauth;
pub mod observe;
pub mod options;
pub mod pages;
mod partial_json;
pub mod policy;
pub mod request;
pub mod resolve;
pub mod response;
pub mod runtime;
pub mod settings;
pub mod suggest;
pub mod tiktok_codes;
pub mod transport;
pub mod value;

pub use args::Args;
pub use catalogue::{catalogue, Catalogue, Endpoint, Location, Method, Param, ParamType};
pub use client::{CallOptions, Client, Prepared};
pub use dialect::{Dialect, Wording};
pub use error::{Error, OptionError, Result, Rule, TransportError, TransportKind, ValidationError};
pub use exchange::{Exchange, Step, Wire};
pub use options::{Options, RetryPolicy};
pub use pages::{PageLimits, Pages, ResumePoint};
pub use request::Request;
pub use response::{ApiErrorKind, Response};
/// The former name of [`tiktok_codes`].
#[doc(hidden)]
pub use tiktok_codes as tiktok;
pub use value::Value;

/// This crate's version, which is also the Python and npm packages' version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
