//! `classify`: image in, ImageNet class out as JSON, with MobileNet v2 through WASI-NN.
//!
//! The model (preloaded by the host under `$MODEL`) and the labels (`$LABELS`, a
//! file in a directory the manifest grants) are loaded on the first call and kept
//! for the life of the warm instance. The image is decoded and scaled by the host's
//! `wasmactors_image` module, or inside Wasm when `$PREPROCESS` is `wasm`.

use std::cell::RefCell;
use wasmactors_guest::{images, nn, topk};

const INPUT_SIZE: u32 = 224;
const CLASSES: usize = 1001;
/// ImageNet's food classes (`plate` .. `eggnog`, and `corn`), indices with `background` at 0.
const FOOD: [std::ops::RangeInclusive<usize>; 2] = [924..=970, 988..=988];

struct Classifier {
    context: nn::Context,
    labels: Vec<String>,
}

thread_local! {
    static CLASSIFIER: RefCell<Option<Classifier>> = RefCell::new(None);
}

fn setting(name: &str) -> Result<String, String> {
    std::env::var(name).map_err(|_| format!("the manifest sets no {} for classify", name))
}

fn load_classifier() -> Result<Classifier, String> {
    let graph = nn::Graph::by_name(&setting("MODEL")?)?;
    let labels_path = setting("LABELS")?;
    let labels = std::fs::read_to_string(&labels_path)
        .map_err(|e| format!("cannot read labels {}: {}", labels_path, e))?
        .lines()
        .map(|line| line.to_string())
        .collect();
    Ok(Classifier { context: graph.context()?, labels })
}

fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn prepare(input: &[u8]) -> Result<Vec<u8>, String> {
    if std::env::var("PREPROCESS").map(|v| v == "wasm").unwrap_or(false) {
        let (decoded, _) = images::decode(input)?;
        Ok(images::rgb_square(&decoded, INPUT_SIZE))
    } else {
        images::host_rgb_square(input, INPUT_SIZE)
    }
}

fn classify(input: &[u8]) -> Result<Vec<u8>, String> {
    let rgb = prepare(input)?;
    CLASSIFIER.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = Some(load_classifier()?);
        }
        let classifier = slot.as_mut().expect("loaded above");
        classifier.context.set_input(0, nn::TYPE_U8, &[1, INPUT_SIZE, INPUT_SIZE, 3], &rgb)?;
        classifier.context.compute()?;
        let mut scores = vec![0u8; CLASSES];
        let written = classifier.context.get_output(0, &mut scores)?;
        scores.truncate(written);
        let label = |index: usize| classifier.labels.get(index).map(String::as_str).unwrap_or("unknown");
        let ranked = topk::top_k(&scores, 5);
        let (best, best_score) = *ranked.first().ok_or("the model gave no scores")?;
        let top5: Vec<String> = ranked
            .iter()
            .map(|&(index, score)| format!("{{\"label\":{},\"index\":{},\"score\":{}}}", json_string(label(index)), index, score))
            .collect();
        let food = FOOD.iter().any(|range| range.contains(&best));
        Ok(format!(
            "{{\"label\":{},\"index\":{},\"score\":{},\"top5\":[{}],\"food\":{}}}",
            json_string(label(best)), best, best_score, top5.join(","), food
        )
        .into_bytes())
    })
}

wasmactors_guest::export_handlers!(classify => classify);
