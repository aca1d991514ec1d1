use std::thread;

fn describe(place: &str) {
    let current = thread::current();
    println!("{place}: name {:?}", current.name());
}

fn main() {
    describe("main");

    thread::spawn(|| describe("spawned"))
        .join()
        .expect("the thread panicked");

    thread::Builder::new()
        .name("reporter".to_string())
        .spawn(|| describe("built"))
        .expect("the OS could not start a thread")
        .join()
        .expect("the thread panicked");
}
