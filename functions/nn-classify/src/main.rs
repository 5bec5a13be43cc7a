//! `nn-classify`, a WASI-NN command written the way programs for WasmEdge's
//! TensorFlow Lite backend are: files from preopened directories, the model
//! either read from a file and passed to `load` or preloaded by the runtime
//! (`--nn-preload NAME:TensorflowLite:CPU:PATH`) and fetched with `load_by_name`.
//!
//! Usage: nn-classify MODEL IMAGE [LABELS]
//!   MODEL  a path ending in .tflite (read and loaded) or a preloaded model name
//! Prints the top-5 classes, one `index score label` line each.

use wasmactors_guest::{images, nn, topk};

fn run(args: &[String]) -> Result<(), String> {
    let (model, image_path) = match args {
        [_, model, image, ..] => (model, image),
        _ => return Err("usage: nn-classify MODEL IMAGE [LABELS]".to_string()),
    };
    let graph = if model.ends_with(".tflite") {
        let bytes = std::fs::read(model).map_err(|e| format!("cannot read model {}: {}", model, e))?;
        nn::Graph::from_bytes(&bytes, nn::ENCODING_TENSORFLOWLITE, nn::TARGET_CPU)?
    } else {
        nn::Graph::by_name(model)?
    };
    let labels: Vec<String> = match args.get(3) {
        Some(path) => std::fs::read_to_string(path).map_err(|e| format!("cannot read labels {}: {}", path, e))?.lines().map(String::from).collect(),
        None => Vec::new(),
    };
    let bytes = std::fs::read(image_path).map_err(|e| format!("cannot read image {}: {}", image_path, e))?;
    let (decoded, _) = images::decode(&bytes)?;
    let mut context = graph.context()?;
    context.set_input(0, nn::TYPE_U8, &[1, 224, 224, 3], &images::rgb_square(&decoded, 224))?;
    context.compute()?;
    let mut scores = vec![0u8; 1001];
    let written = context.get_output(0, &mut scores)?;
    for (index, score) in topk::top_k(&scores[..written], 5) {
        println!("{} {} {}", index, score, labels.get(index).map(String::as_str).unwrap_or(""));
    }
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Err(message) = run(&args) {
        eprintln!("nn-classify: {}", message);
        std::process::exit(1);
    }
}
