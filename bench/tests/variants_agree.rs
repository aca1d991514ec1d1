//! The five variants do the same work: at tiny sizes, with one thread up to more threads than
//! cores, they all compute the same total.

use gil_bench::{Variant, max_threads, step};

#[test]
fn every_variant_computes_the_same_total_with_any_number_of_threads() {
    let steps = 100;
    let expected = (0..steps).fold(0u64, |sum, seed| sum.wrapping_add(step(seed)));
    for variant in Variant::ALL {
        for threads in 1..=max_threads() + 1 {
            assert_eq!(
                variant.run(steps, threads),
                expected,
                "{} with {threads} threads",
                variant.name()
            );
        }
    }
}

#[test]
fn variant_names_round_trip() {
    for variant in Variant::ALL {
        assert_eq!(Variant::from_name(variant.name()), Some(variant));
    }
}
