use std::collections::VecDeque;
use std::thread;

/// A task that does its work one small step at a time, so that others can run
/// in between.
struct Task {
    name: &'static str,
    steps_left: u32,
}

impl Task {
    /// Does one step; returns whether there is more to do.
    fn step(&mut self) -> bool {
        self.steps_left -= 1;
        let thread = thread::current();
        let on = thread.name().unwrap_or("unnamed");
        println!(
            "[{}] one step on thread `{on}`, {} left",
            self.name, self.steps_left
        );
        self.steps_left > 0
    }
}

fn main() {
    let mut ready: VecDeque<Task> = VecDeque::from([
        Task {
            name: "download",
            steps_left: 3,
        },
        Task {
            name: "resize",
            steps_left: 2,
        },
        Task {
            name: "upload",
            steps_left: 3,
        },
    ]);
    // Round-robin: the front task runs one step, then waits at the back until
    // its next turn.
    while let Some(mut task) = ready.pop_front() {
        if task.step() {
            ready.push_back(task);
        }
    }
    println!("all tasks done, one thread, taking turns");
}
