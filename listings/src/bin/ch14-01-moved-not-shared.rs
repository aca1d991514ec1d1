use std::cell::{Cell, RefCell};
use std::thread;

/// Lines and a count of warnings, changed through `&self` with no lock:
/// `Cell` and `RefCell` make that safe on one thread only. So a `Report` is
/// `Send` (it may move to another thread) but not `Sync` (threads may not
/// share it).
struct Report {
    lines: RefCell<Vec<String>>,
    warnings: Cell<u32>,
}

impl Report {
    fn new() -> Report {
        Report {
            lines: RefCell::new(Vec::new()),
            warnings: Cell::new(0),
        }
    }

    fn add(&self, line: &str) {
        if line.starts_with("warning") {
            self.warnings.set(self.warnings.get() + 1);
        }
        self.lines.borrow_mut().push(line.to_owned());
    }
}

fn main() {
    let report = Report::new();
    report.add("main: started");
    // `move` hands the report to the worker: until it comes back, only the
    // worker can reach it, so nothing needs a lock.
    let worker = thread::spawn(move || {
        report.add("warning: disk 91% full");
        report.add("worker: checked the disk");
        // The closure's result travels back through `join`, so it must be
        // `Send` as well.
        report
    });
    let report = worker.join().expect("the worker panicked");
    report.add("main: got the report back");
    for line in report.lines.borrow().iter() {
        println!("{line}");
    }
    println!("warnings: {}", report.warnings.get());
}
