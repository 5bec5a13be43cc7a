//! `grayscale`: any PNG, JPEG, GIF or BMP in, the grey image out as PNG (GIF stays GIF).

use image::ImageFormat;
use std::io::Cursor;
use wasmactors_guest::images;

pub fn grayscale(input: &[u8]) -> Result<Vec<u8>, String> {
    let (decoded, format) = images::decode(input)?;
    let grey = image::DynamicImage::ImageLuma8(decoded.to_luma8());
    let out_format = if format == ImageFormat::Gif { ImageFormat::Gif } else { ImageFormat::Png };
    let mut out = Cursor::new(Vec::with_capacity(input.len()));
    grey.write_to(&mut out, out_format).map_err(|e| format!("cannot encode the grey image: {}", e))?;
    Ok(out.into_inner())
}

#[cfg(target_arch = "wasm32")]
wasmactors_guest::export_handlers!(grayscale => grayscale);
