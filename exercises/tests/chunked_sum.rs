//! `cargo test -p exercises --test chunked_sum`

mod support;

use exercises::chunked_sum::chunked_sum;

#[test]
fn sums_like_a_single_thread_for_any_number_of_workers() {
    let numbers: Vec<u64> = (1..=1000).collect();
    for workers in [1, 2, 3, 4, 7, 16] {
        let numbers = numbers.clone();
        let total = support::within("chunked_sum", move || {
            chunked_sum(&numbers, workers)
        });
        assert_eq!(total, 500_500, "with {workers} workers");
    }
}

#[test]
fn handles_more_workers_than_numbers_and_no_numbers() {
    assert_eq!(
        support::within("chunked_sum", || chunked_sum(&[5, 6], 8)),
        11
    );
    assert_eq!(support::within("chunked_sum", || chunked_sum(&[], 3)), 0);
}
