//! `imageinfo`, a command function: image on stdin, JSON facts about it on stdout.
//! Shows the command kind: stdin/stdout, arguments (`--histogram`) and environment
//! (`IMAGEINFO_BINS`, the histogram's bucket count). Exit code 2 when stdin is not an image.

use std::io::Read;
use wasmactors_guest::images;

fn histogram(image: &image::DynamicImage, bins: usize) -> Vec<u64> {
    let mut counts = vec![0u64; bins];
    for pixel in image.to_luma8().pixels() {
        counts[pixel.0[0] as usize * bins / 256] += 1;
    }
    counts
}

fn main() {
    let mut input = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut input) {
        eprintln!("cannot read stdin: {}", e);
        std::process::exit(1);
    }
    let (decoded, format) = match images::decode(&input) {
        Ok(ok) => ok,
        Err(message) => {
            eprintln!("{}", message);
            std::process::exit(2);
        }
    };
    let mut json = format!(
        "{{\"format\":\"{:?}\",\"width\":{},\"height\":{},\"color\":\"{:?}\",\"bytes\":{}",
        format, decoded.width(), decoded.height(), decoded.color(), input.len()
    );
    if std::env::args().any(|arg| arg == "--histogram") {
        let bins = std::env::var("IMAGEINFO_BINS").ok().and_then(|v| v.parse().ok()).filter(|&b| (1..=256).contains(&b)).unwrap_or(16);
        let counts: Vec<String> = histogram(&decoded, bins).iter().map(u64::to_string).collect();
        json.push_str(&format!(",\"histogram\":[{}]", counts.join(",")));
    }
    json.push('}');
    println!("{}", json);
}
