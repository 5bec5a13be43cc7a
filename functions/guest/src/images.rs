//! Image decoding and preparation for the image functions.

use image::imageops::FilterType;
use image::{DynamicImage, ImageFormat};

/// Decodes PNG, JPEG, GIF or BMP bytes, with a message a person can act on when it fails.
pub fn decode(bytes: &[u8]) -> Result<(DynamicImage, ImageFormat), String> {
    let format = image::guess_format(bytes)
        .map_err(|_| "not an image: expected PNG, JPEG, GIF or BMP bytes".to_string())?;
    if !matches!(format, ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::Gif | ImageFormat::Bmp) {
        return Err(format!("not an image this function reads: {:?}; expected PNG, JPEG, GIF or BMP", format));
    }
    let decoded = image::load_from_memory_with_format(bytes, format)
        .map_err(|e| format!("not an image: cannot decode {:?}: {}", format, e))?;
    Ok((decoded, format))
}

/// RGB bytes of `image` scaled to `size` x `size` with bilinear filtering, as MobileNet expects.
pub fn rgb_square(image: &DynamicImage, size: u32) -> Vec<u8> {
    image.resize_exact(size, size, FilterType::Triangle).to_rgb8().into_raw()
}

#[link(wasm_import_module = "wasmactors_image")]
extern "C" {
    fn decode_resize_rgb(input: *const u8, input_len: u32, width: u32, height: u32, out: *mut u8, out_len: u32) -> u32;
}

/// The same as [`decode`] then [`rgb_square`], done natively by the host's
/// `wasmactors_image` module: much faster than decoding and scaling in Wasm.
pub fn host_rgb_square(bytes: &[u8], size: u32) -> Result<Vec<u8>, String> {
    let mut rgb = vec![0u8; (size * size * 3) as usize];
    let errno = unsafe { decode_resize_rgb(bytes.as_ptr(), bytes.len() as u32, size, size, rgb.as_mut_ptr(), rgb.len() as u32) };
    match errno {
        0 => Ok(rgb),
        1 => Err("not an image: the host could not decode these bytes as PNG, JPEG, GIF or BMP".to_string()),
        3 => Err("the image is too large to decode".to_string()),
        n => Err(format!("wasmactors_image decode_resize_rgb failed: error {}", n)),
    }
}
