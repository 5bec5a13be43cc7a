//! WASI-NN bindings with the ABI of the `wasi-nn` crate 0.1–0.6 and WasmEdge's
//! WASI-NN plugin (module `wasi_ephemeral_nn`). Written out here because the
//! crate is not packaged for the offline Debian toolchain this project builds with.

#[repr(C)]
struct Tensor {
    dims_ptr: *const u32,
    dims_len: u32,
    tensor_type: u8,
    data_ptr: *const u8,
    data_len: u32,
}

#[repr(C)]
struct Bytes {
    ptr: *const u8,
    len: u32,
}

#[link(wasm_import_module = "wasi_ephemeral_nn")]
extern "C" {
    fn load(builders: *const Bytes, builders_len: u32, encoding: u32, target: u32, graph_out: *mut u32) -> u32;
    fn load_by_name(name: *const u8, name_len: u32, graph_out: *mut u32) -> u32;
    fn init_execution_context(graph: u32, context_out: *mut u32) -> u32;
    fn set_input(context: u32, index: u32, tensor: *const Tensor) -> u32;
    fn compute(context: u32) -> u32;
    fn get_output(context: u32, index: u32, out: *mut u8, out_max: u32, written: *mut u32) -> u32;
}

pub const ENCODING_TENSORFLOWLITE: u32 = 4;
pub const TARGET_CPU: u32 = 0;
pub const TYPE_F32: u8 = 1;
pub const TYPE_U8: u8 = 2;

fn check(operation: &str, errno: u32) -> Result<(), String> {
    const NAMES: [&str; 9] = [
        "success", "invalid argument", "invalid encoding", "missing memory", "busy",
        "runtime error", "unsupported operation", "too large", "not found",
    ];
    match errno {
        0 => Ok(()),
        n => Err(format!("wasi-nn {} failed: error {} ({})", operation, n, NAMES.get(n as usize).unwrap_or(&"unknown"))),
    }
}

/// A loaded model.
#[derive(Clone, Copy)]
pub struct Graph(u32);

impl Graph {
    /// Loads a model from its bytes (one builder, as for TensorFlow Lite).
    pub fn from_bytes(model: &[u8], encoding: u32, target: u32) -> Result<Graph, String> {
        let builder = Bytes { ptr: model.as_ptr(), len: model.len() as u32 };
        let mut graph = 0;
        check("load", unsafe { load(&builder, 1, encoding, target, &mut graph) })?;
        Ok(Graph(graph))
    }

    /// Loads a model the host preloaded under `name` (`--nn-preload` or the manifest).
    pub fn by_name(name: &str) -> Result<Graph, String> {
        let mut graph = 0;
        check("load_by_name", unsafe { load_by_name(name.as_ptr(), name.len() as u32, &mut graph) })?;
        Ok(Graph(graph))
    }

    pub fn context(self) -> Result<Context, String> {
        let mut context = 0;
        check("init_execution_context", unsafe { init_execution_context(self.0, &mut context) })?;
        Ok(Context(context))
    }
}

/// An execution context: one interpreter on the host side.
pub struct Context(u32);

impl Context {
    pub fn set_input(&mut self, index: u32, tensor_type: u8, dims: &[u32], data: &[u8]) -> Result<(), String> {
        let tensor = Tensor {
            dims_ptr: dims.as_ptr(),
            dims_len: dims.len() as u32,
            tensor_type,
            data_ptr: data.as_ptr(),
            data_len: data.len() as u32,
        };
        check("set_input", unsafe { set_input(self.0, index, &tensor) })
    }

    pub fn compute(&mut self) -> Result<(), String> {
        check("compute", unsafe { compute(self.0) })
    }

    /// Copies output `index` into `out` and returns how many bytes were written.
    pub fn get_output(&self, index: u32, out: &mut [u8]) -> Result<usize, String> {
        let mut written = 0;
        check("get_output", unsafe { get_output(self.0, index, out.as_mut_ptr(), out.len() as u32, &mut written) })?;
        Ok(written as usize)
    }
}
