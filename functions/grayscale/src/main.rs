//! Native build of `grayscale` for the benchmark.
//! `grayscale-native < in > out` converts once; `grayscale-native --bench N FILE`
//! converts FILE N times in one process and prints the median milliseconds.

use std::io::{Read, Write};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() == 4 && args[1] == "--bench" {
        let rounds: usize = args[2].parse().expect("N must be a number");
        let input = std::fs::read(&args[3]).expect("read FILE");
        let mut times: Vec<f64> = (0..rounds)
            .map(|_| {
                let start = Instant::now();
                grayscale::grayscale(&input).expect("grayscale");
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(|a, b| a.partial_cmp(b).unwrap());
        println!("{:.3}", times[times.len() / 2]);
        return;
    }
    let mut input = Vec::new();
    std::io::stdin().read_to_end(&mut input).expect("read stdin");
    match grayscale::grayscale(&input) {
        Ok(out) => std::io::stdout().write_all(&out).expect("write stdout"),
        Err(message) => {
            eprintln!("{}", message);
            std::process::exit(1);
        }
    }
}
