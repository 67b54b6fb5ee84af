//! Running core futures from Python: blocking calls with the GIL released,
//! and awaitables on the core's own (fork-aware) tokio runtime.
//!
//! | module | what it holds |
//! |---|---|
//! | `blocking` | [`wait`] / [`wait_here`]: a call polled with the GIL released; [`wait_serving`]: and Python run for it meanwhile |
//! | `signals` | the ticker that lets a main-thread wait handle Ctrl-C |
//! | `asyncio` | [`awaitable`] and [`Deferred`]: the bridge to the running event loop; [`LoopHandle`]: Python run on it |
//! | `exit` | [`attach_from_runtime`] and [`drain`] (the `atexit` hook) |
//! | `panic` | a caught panic's text |
//!
//! The modules depend on each other in one direction only:
//! `blocking -> signals`, `asyncio -> exit` (Windows), both `-> panic`.

mod asyncio;
mod blocking;
mod exit;
mod panic;
mod signals;

pub use asyncio::{awaitable, running_loop, Deferred, LoopHandle};
pub use blocking::{wait, wait_here, wait_serving, Job};
pub use exit::{attach_from_runtime, drain};
