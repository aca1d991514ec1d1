//! Exercises for *Threads, Events and Locks in Rust*. Each module is a starter to edit: `todo!()`
//! marks the work. Run one exercise's tests with `cargo test -p exercises --test NAME`.
//!
//! The feature `solutions` swaps every starter for its reference solution in `solutions/`; the
//! feature `loom` builds them on loom's types (see [`sync`]) and runs the tests' loom models.
// A starter's parameters are unused until the reader writes its body.
#![cfg_attr(
    not(feature = "solutions"),
    allow(unused_variables, unused_imports, dead_code)
)]

pub mod sync;

#[cfg_attr(feature = "solutions", path = "../solutions/chunked_sum.rs")]
pub mod chunked_sum;

#[cfg_attr(feature = "solutions", path = "../solutions/parallel_map.rs")]
pub mod parallel_map;

#[cfg_attr(feature = "solutions", path = "../solutions/join_results.rs")]
pub mod join_results;

#[cfg_attr(feature = "solutions", path = "../solutions/tear_free_log.rs")]
pub mod tear_free_log;

#[cfg_attr(feature = "solutions", path = "../solutions/stop_flag.rs")]
pub mod stop_flag;

#[cfg_attr(feature = "solutions", path = "../solutions/event.rs")]
pub mod event;

#[cfg_attr(feature = "solutions", path = "../solutions/latch.rs")]
pub mod latch;

#[cfg_attr(feature = "solutions", path = "../solutions/bounded_queue.rs")]
pub mod bounded_queue;

#[cfg_attr(feature = "solutions", path = "../solutions/lock_order.rs")]
pub mod lock_order;

#[cfg_attr(feature = "solutions", path = "../solutions/reentrant_lock.rs")]
pub mod reentrant_lock;

#[cfg_attr(feature = "solutions", path = "../solutions/once_config.rs")]
pub mod once_config;

#[cfg_attr(feature = "solutions", path = "../solutions/ordered_pool.rs")]
pub mod ordered_pool;

#[cfg_attr(feature = "solutions", path = "../solutions/id_allocator.rs")]
pub mod id_allocator;

#[cfg_attr(feature = "solutions", path = "../solutions/publish.rs")]
pub mod publish;

#[cfg_attr(feature = "solutions", path = "../solutions/philosophers.rs")]
pub mod philosophers;

#[cfg_attr(feature = "solutions", path = "../solutions/word_count.rs")]
pub mod word_count;

#[cfg_attr(feature = "solutions", path = "../solutions/oneshot.rs")]
pub mod oneshot;

#[cfg_attr(feature = "solutions", path = "../solutions/shutdown.rs")]
pub mod shutdown;

#[cfg_attr(feature = "solutions", path = "../solutions/shared_tally.rs")]
pub mod shared_tally;

#[cfg_attr(feature = "solutions", path = "../solutions/delivery_check.rs")]
pub mod delivery_check;

#[cfg_attr(feature = "solutions", path = "../solutions/semaphore.rs")]
pub mod semaphore;
