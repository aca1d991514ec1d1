//! `cargo test -p exercises --test join_results`

mod support;

use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::{Arc, Condvar, Mutex};
use std::thread;

use exercises::join_results::run_named;
use support::Crowd;

const COUNT: usize = 4;

#[test]
fn returns_each_threads_own_name_and_result_in_order() {
    // Each job reports the name of the thread it runs on, as that thread sees
    // it, beside its result.
    let results = support::within("run_named", || {
        run_named(COUNT, |i| {
            (thread::current().name().map(str::to_owned), i * 10)
        })
    });
    assert_eq!(results.len(), COUNT, "expected one result per thread");
    for (i, (name, (own_name, result))) in results.into_iter().enumerate() {
        let expected = format!("worker {i}");
        assert_eq!(result, i * 10, "result {i} is not job({i})'s");
        assert_eq!(
            own_name.as_deref(),
            Some(expected.as_str()),
            "job {i} ran on a thread whose own name is {own_name:?}: name \
             the thread itself, with `thread::Builder`, when it is started"
        );
        assert_eq!(name, expected, "the name returned for job {i}");
    }
}

#[test]
fn runs_every_job_on_its_own_thread_all_at_the_same_time() {
    let (most, results) = support::within("run_named", || {
        // Each job waits until all four are running at once (or gives up
        // after a while): only threads that really run at the same time meet
        // there.
        let crowd = Arc::new(Crowd::new(COUNT));
        let meeting = Arc::clone(&crowd);
        let results = run_named(COUNT, move |_| {
            meeting.meet();
            thread::current().id()
        });
        (crowd.most(), results)
    });
    let threads: HashSet<_> = results.iter().map(|(_, id)| *id).collect();
    assert_eq!(
        threads.len(),
        COUNT,
        "the jobs ran on {} threads, not {COUNT}",
        threads.len()
    );
    assert!(
        most >= COUNT,
        "no more than {most} of the {COUNT} threads ever ran at the same time: \
         start every thread before joining any"
    );
}

#[test]
fn results_come_back_in_the_order_of_i_even_when_later_jobs_finish_first() {
    let results = support::within("run_named, last job first", || {
        // Job `i` waits until the thread of job `i + 1` has ended, so the
        // threads end from the last to the first. A thread ends only after
        // whatever it does with its result, such as sending it.
        let ended = Arc::new(Ended::default());
        let waiting = Arc::clone(&ended);
        run_named(COUNT, move |i| {
            waiting.mark_when_this_thread_ends(i);
            waiting.wait_for(i + 1);
            i
        })
    });
    let order: Vec<usize> = results.iter().map(|(_, i)| *i).collect();
    assert_eq!(
        order,
        (0..COUNT).collect::<Vec<_>>(),
        "the results came back in the order the threads finished, not in the \
         order of `i`: join the handles in the order the threads were started"
    );
}

/// Which jobs' threads have ended.
#[derive(Default)]
struct Ended {
    state: Mutex<EndedState>,
    changed: Condvar,
}

#[derive(Default)]
struct EndedState {
    ended: Vec<usize>,
    gave_up: bool,
}

/// Lives in a thread-local variable of a job's thread, and so is dropped when
/// that thread ends.
struct EndOf(Arc<Ended>, usize);

impl Drop for EndOf {
    fn drop(&mut self) {
        self.0.state.lock().unwrap().ended.push(self.1);
        self.0.changed.notify_all();
    }
}

thread_local! {
    static END_OF_THIS_THREAD: RefCell<Option<EndOf>> =
        const { RefCell::new(None) };
}

impl Ended {
    fn mark_when_this_thread_ends(self: &Arc<Self>, job: usize) {
        let end = EndOf(Arc::clone(self), job);
        END_OF_THIS_THREAD.with(|e| e.replace(Some(end)));
    }

    /// Waits until the thread of `job` has ended, if there is such a job. A
    /// solution that runs the jobs one after another would wait forever, so
    /// after `Crowd::PATIENCE` nobody waits any more.
    fn wait_for(&self, job: usize) {
        if job >= COUNT {
            return;
        }
        let state = self.state.lock().unwrap();
        let (mut state, waited) = self
            .changed
            .wait_timeout_while(state, Crowd::PATIENCE, |s| {
                !s.ended.contains(&job) && !s.gave_up
            })
            .unwrap();
        if waited.timed_out() {
            state.gave_up = true;
            self.changed.notify_all();
        }
    }
}
