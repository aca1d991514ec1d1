//! A `Relaxed` publication, found by loom. One thread stores a value and
//! then raises a flag; another reads the value once it sees the flag. loom
//! runs the two in every interleaving and lets each load return any value
//! the memory model allows: with `Relaxed` on the flag, the reader can see
//! the flag and still the old value, and loom finds that run; with `Release`
//! and `Acquire` there is none.

// std's `Arc`, not loom's: it only counts references (see lost_wake_up.rs).
use std::sync::Arc;

use loom::sync::atomic::Ordering::{Acquire, Relaxed, Release};
use loom::sync::atomic::{AtomicBool, AtomicU64};
use loom::thread;
use loom_models::explore;

trait Publish: Default + Send + Sync + 'static {
    fn publish(&self, value: u64);
    fn read(&self) -> Option<u64>;
}

// ANCHOR: relaxed
/// Wrong: `Relaxed` orders nothing but the flag itself.
#[derive(Default)]
struct RelaxedSlot {
    value: AtomicU64,
    ready: AtomicBool,
}

impl Publish for RelaxedSlot {
    fn publish(&self, value: u64) {
        self.value.store(value, Relaxed);
        self.ready.store(true, Relaxed);
    }

    fn read(&self) -> Option<u64> {
        self.ready.load(Relaxed).then(|| self.value.load(Relaxed))
    }
}
// ANCHOR_END: relaxed

// ANCHOR: slot
/// Right: the `Acquire` load that sees the flag sees everything written
/// before the `Release` store that raised it.
#[derive(Default)]
struct Slot {
    value: AtomicU64,
    ready: AtomicBool,
}

impl Publish for Slot {
    fn publish(&self, value: u64) {
        self.value.store(value, Relaxed);
        self.ready.store(true, Release);
    }

    fn read(&self) -> Option<u64> {
        self.ready.load(Acquire).then(|| self.value.load(Relaxed))
    }
}
// ANCHOR_END: slot

// ANCHOR: model
/// One thread publishes 42 while main reads: in every interleaving, main
/// reads nothing or 42.
fn publish_while_one_reads<P: Publish>() {
    let slot = Arc::new(P::default());
    let writer = {
        let slot = Arc::clone(&slot);
        thread::spawn(move || slot.publish(42))
    };
    if let Some(value) = slot.read() {
        assert_eq!(value, 42, "the reader saw the flag but not the value");
    }
    writer.join().unwrap();
}

#[test]
#[should_panic(expected = "the reader saw the flag but not the value")]
fn loom_finds_the_relaxed_publication() {
    explore(publish_while_one_reads::<RelaxedSlot>);
}

#[test]
fn release_and_acquire_publish_the_value() {
    explore(publish_while_one_reads::<Slot>);
}
// ANCHOR_END: model
