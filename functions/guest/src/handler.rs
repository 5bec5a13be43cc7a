//! The handler ABI of wasmactors (see README, "Function contract").
//!
//! The host calls `alloc(len)`, writes the input there, calls the handler
//! `name(ptr, len) -> i64` and gets `(out_ptr << 32) | out_len`; afterwards it
//! frees both buffers with `dealloc`. A handler that rejects its input returns
//! `out_ptr == 0` and explains why on stderr.

/// Allocates `len` bytes that the host fills or reads; freed by [`dealloc`].
pub fn alloc(len: i32) -> i32 {
    let mut buffer = Vec::<u8>::with_capacity(len.max(0) as usize);
    let ptr = buffer.as_mut_ptr();
    std::mem::forget(buffer);
    ptr as i32
}

/// Frees a buffer made by [`alloc`] or returned by a handler.
///
/// # Safety
/// `ptr` and `len` must name a buffer handed out by this module and not freed yet.
pub unsafe fn dealloc(ptr: i32, len: i32) {
    drop(Vec::from_raw_parts(ptr as *mut u8, 0, len.max(0) as usize));
}

/// Runs `body` on the input buffer and packs its answer for the host.
///
/// # Safety
/// `ptr` and `len` must name the input buffer the host wrote.
pub unsafe fn call(ptr: i32, len: i32, body: impl FnOnce(&[u8]) -> Result<Vec<u8>, String>) -> i64 {
    let input = std::slice::from_raw_parts(ptr as *const u8, len.max(0) as usize);
    match body(input) {
        Ok(output) => {
            // A boxed slice has capacity == len, so `dealloc(ptr, len)` frees it exactly.
            let output = output.into_boxed_slice();
            let out_len = output.len() as i64;
            let out_ptr = Box::into_raw(output) as *mut u8 as i64;
            (out_ptr << 32) | out_len
        }
        Err(message) => {
            eprintln!("{}", message);
            0
        }
    }
}

/// Exports `alloc`, `dealloc` and one handler per `export_name => function` pair,
/// where `function: fn(&[u8]) -> Result<Vec<u8>, String>` lives in the calling module.
#[macro_export]
macro_rules! export_handlers {
    ($($name:ident => $body:ident),+ $(,)?) => {
        // A module of its own, so an export may share its name with the function it wraps.
        mod wasmactors_exports {
            #[no_mangle]
            pub extern "C" fn alloc(len: i32) -> i32 { $crate::handler::alloc(len) }

            /// # Safety
            /// Called by the host with a buffer this module handed out.
            #[no_mangle]
            pub unsafe extern "C" fn dealloc(ptr: i32, len: i32) { $crate::handler::dealloc(ptr, len) }

            $(
                /// # Safety
                /// Called by the host with the input buffer it wrote.
                #[no_mangle]
                pub unsafe extern "C" fn $name(ptr: i32, len: i32) -> i64 { $crate::handler::call(ptr, len, super::$body) }
            )+
        }
    };
}
