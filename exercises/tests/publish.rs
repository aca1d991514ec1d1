//! `cargo test -p exercises --test publish`; its loom model, which tries every
//! interleaving and every value a load may legally see: add `--features loom`.
//! On x86 the threads below rarely catch a wrong ordering; the model does.

#[cfg(not(feature = "loom"))]
mod support;

#[cfg(not(feature = "loom"))]
mod threads {
    use std::sync::Arc;
    use std::thread;

    use exercises::publish::Slot;

    use super::support;

    #[test]
    fn a_slot_is_empty_until_published() {
        let slot = Slot::new();
        assert_eq!(slot.read(), None);
        slot.publish(42);
        assert_eq!(slot.read(), Some(42));
    }

    #[test]
    fn readers_see_the_value_or_nothing() {
        for _ in 0..support::ROUNDS {
            support::within("two readers, one writer", || {
                let slot = Arc::new(Slot::new());
                let readers: Vec<_> = (0..2)
                    .map(|_| {
                        let slot = Arc::clone(&slot);
                        thread::spawn(move || {
                            loop {
                                if let Some(value) = slot.read() {
                                    break value;
                                }
                                thread::yield_now();
                            }
                        })
                    })
                    .collect();
                slot.publish(42);
                for reader in readers {
                    assert_eq!(
                        reader.join().unwrap(),
                        42,
                        "a reader found the slot ready but not its value"
                    );
                }
            });
        }
    }
}

#[cfg(feature = "loom")]
mod model {
    use exercises::publish::Slot;
    use loom::thread;
    // std's `Arc`, not loom's: it only counts references, and with loom's a
    // deadlock found by the model aborts the whole test binary instead of
    // failing one test.
    use std::sync::Arc;

    #[test]
    fn a_reader_sees_the_value_or_nothing() {
        loom::model(|| {
            let slot = Arc::new(Slot::new());
            let writer = {
                let slot = Arc::clone(&slot);
                thread::spawn(move || slot.publish(42))
            };
            let seen = slot.read();
            assert!(
                seen.is_none() || seen == Some(42),
                "the reader found the slot ready but read {seen:?}: the flag \
                 was seen before the value it publishes"
            );
            writer.join().unwrap();
        });
    }
}
