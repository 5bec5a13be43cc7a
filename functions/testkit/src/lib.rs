//! Handlers that misbehave on purpose, so the runtime's limits and error paths
//! are tested against real Wasm. Not a product function.

use std::cell::Cell;
use wasmactors_guest::nn;

thread_local! {
    static CALLS: Cell<u32> = Cell::new(0);
    static ARMED_MILLIS: Cell<u64> = Cell::new(0);
}

fn number(input: &[u8]) -> Result<usize, String> {
    std::str::from_utf8(input).ok().and_then(|s| s.trim().parse().ok()).ok_or_else(|| "expected a number".to_string())
}

/// Echoes the input, prefixed by how many calls this instance has served.
fn echo(input: &[u8]) -> Result<Vec<u8>, String> {
    let calls = CALLS.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    let mut out = format!("{}:", calls).into_bytes();
    out.extend_from_slice(input);
    Ok(out)
}

fn spin(_: &[u8]) -> Result<Vec<u8>, String> {
    let mut x: u64 = 1;
    loop {
        // Volatile so the optimizer keeps the loop body.
        unsafe { std::ptr::write_volatile(&mut x, x.wrapping_mul(6364136223846793005).wrapping_add(1)) };
    }
}

fn first_line(input: &[u8]) -> &[u8] {
    input.split(|&b| b == b'\n').next().unwrap_or_default()
}

/// Spin's loop a million times: busy time in slices long enough that reading the clock between them costs little.
fn spin_a_million_rounds() {
    let mut x: u64 = 1;
    for _ in 0..1_000_000 {
        unsafe { std::ptr::write_volatile(&mut x, x.wrapping_mul(6364136223846793005).wrapping_add(1)) };
    }
}

/// Answers as echo does; a first line `arm N` makes this instance spin for N milliseconds
/// before its next answer. Slowness in one instance only, whatever the input, and whatever
/// the engine's speed: as a deoptimized engine is slow where another engine's instance of
/// the module is not.
fn armed(input: &[u8]) -> Result<Vec<u8>, String> {
    match first_line(input).strip_prefix(b"arm ") {
        Some(millis) => ARMED_MILLIS.with(|armed| number(millis).map(|n| armed.set(n as u64)))?,
        None => {
            let spin = std::time::Duration::from_millis(ARMED_MILLIS.with(|armed| armed.replace(0)));
            let start = std::time::Instant::now();
            while start.elapsed() < spin {
                spin_a_million_rounds();
            }
        }
    }
    echo(input)
}

/// Keeps allocating 1 MiB blocks, touching each, until the allocator gives up.
fn bomb(_: &[u8]) -> Result<Vec<u8>, String> {
    let mut blocks = Vec::new();
    loop {
        let mut block = vec![0u8; 1 << 20];
        block[0] = 1;
        blocks.push(block);
    }
}

fn trap(_: &[u8]) -> Result<Vec<u8>, String> {
    eprintln!("about to execute unreachable");
    #[cfg(target_arch = "wasm32")]
    core::arch::wasm32::unreachable();
    #[allow(unreachable_code)]
    Err("unreachable".to_string())
}

fn panic(input: &[u8]) -> Result<Vec<u8>, String> {
    panic!("testkit panics on request: {}", String::from_utf8_lossy(input));
}

/// Returns as many bytes as the input's number says.
fn flood(input: &[u8]) -> Result<Vec<u8>, String> {
    Ok(vec![b'x'; number(input)?])
}

fn reject(_: &[u8]) -> Result<Vec<u8>, String> {
    Err("testkit rejects this input".to_string())
}

/// Asks WASI-NN for a model nobody preloaded.
fn missing_model(_: &[u8]) -> Result<Vec<u8>, String> {
    nn::Graph::by_name("no-such-model")?;
    Ok(Vec::new())
}

/// Writes to the file the input names (a path in a granted directory); answers what it read back.
fn overwrite(input: &[u8]) -> Result<Vec<u8>, String> {
    let path = std::str::from_utf8(input).map_err(|e| e.to_string())?;
    std::fs::write(path, b"changed by the guest").map_err(|e| format!("cannot write {}: {}", path, e))?;
    std::fs::read(path).map_err(|e| format!("cannot read {} back: {}", path, e))
}

/// Reads the file the input names.
fn read_file(input: &[u8]) -> Result<Vec<u8>, String> {
    let path = std::str::from_utf8(input).map_err(|e| e.to_string())?;
    std::fs::read(path).map_err(|e| format!("cannot read {}: {}", path, e))
}

wasmactors_guest::export_handlers!(
    echo => echo,
    spin => spin,
    armed => armed,
    bomb => bomb,
    trap => trap,
    panic => panic,
    flood => flood,
    reject => reject,
    missing_model => missing_model,
    overwrite => overwrite,
    read_file => read_file,
);
