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
