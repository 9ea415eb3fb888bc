//! The office's letterhead (*kop surat*): an optional logo, printed with the office name at the top of a
//! PK's first page. Kept with the workspace (file format version 6, `letterhead`); none by default.

use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// The largest logo taken, in bytes of the image file (100 KB).
pub const MAX_LOGO_BYTES: usize = 100 * 1024;

/// The letterhead of the workspace's office.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Letterhead {
    /// The logo as a data URL (`data:image/png;base64,…` or `data:image/jpeg;base64,…`), checked by
    /// [`check_logo`]. Shared (`Arc`): a workspace is cloned on every change and for undo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<Arc<str>>,
}

impl Letterhead {
    pub fn is_empty(&self) -> bool {
        self.logo.is_none()
    }
}

/// Why a file or a stored text is not a logo.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogoError {
    /// Not a PNG or JPEG image (by its first bytes, whatever its name says).
    NotPngOrJpeg,
    /// Larger than [`MAX_LOGO_BYTES`].
    TooLarge { bytes: usize },
    /// Not a data URL of base64 (a stored or imported text that was damaged).
    Damaged,
}

const PNG: &str = "data:image/png;base64,";
const JPEG: &str = "data:image/jpeg;base64,";

/// The logo of an image file's bytes, as it is kept: PNG or JPEG (by their signatures) of at most
/// [`MAX_LOGO_BYTES`].
pub fn logo_from_bytes(bytes: &[u8]) -> Result<Arc<str>, LogoError> {
    if bytes.len() > MAX_LOGO_BYTES {
        return Err(LogoError::TooLarge { bytes: bytes.len() });
    }
    let prefix = kind(bytes).ok_or(LogoError::NotPngOrJpeg)?;
    Ok(format!("{prefix}{}", encode(bytes)).into())
}

/// Whether a kept logo (from storage or a file) is one [`logo_from_bytes`] would make.
pub fn check_logo(url: &str) -> Result<(), LogoError> {
    let (prefix, body) = [PNG, JPEG]
        .iter()
        .find_map(|p| url.strip_prefix(p).map(|body| (*p, body)))
        .ok_or(LogoError::NotPngOrJpeg)?;
    // Before decoding: a text far too long is refused without the work.
    if body.len() / 4 * 3 > MAX_LOGO_BYTES + 3 {
        return Err(LogoError::TooLarge { bytes: body.len() / 4 * 3 });
    }
    let bytes = decode(body).ok_or(LogoError::Damaged)?;
    if bytes.len() > MAX_LOGO_BYTES {
        return Err(LogoError::TooLarge { bytes: bytes.len() });
    }
    match kind(&bytes) {
        Some(p) if p == prefix => Ok(()),
        _ => Err(LogoError::NotPngOrJpeg),
    }
}

/// A kept logo as an image file: its bytes, kind and size in pixels (for a document that embeds it,
/// e.g. the Word file). `None` for a logo [`check_logo`] refuses or whose size cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    pub bytes: Vec<u8>,
    /// `png` or `jpeg`: the file extension and the media type's second half.
    pub extension: &'static str,
    pub width: u32,
    pub height: u32,
}

pub fn image(url: &str) -> Option<Image> {
    check_logo(url).ok()?;
    let body = url.split_once(',')?.1;
    let bytes = decode(body)?;
    let (extension, (width, height)) =
        if url.starts_with(PNG) { ("png", png_size(&bytes)?) } else { ("jpeg", jpeg_size(&bytes)?) };
    (width > 0 && height > 0).then_some(Image { bytes, extension, width, height })
}

/// A PNG's width and height: the first chunk is IHDR, its first eight bytes (PNG 1.2, section 4.1.1).
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.get(12..16)? != b"IHDR" {
        return None;
    }
    let be = |at: usize| Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
    Some((be(16)?, be(20)?))
}

/// A JPEG's width and height, from its first start-of-frame segment (SOF0–SOF15 except DHT, JPG and
/// DAC: ITU T.81, table B.1); the segments before it are skipped by their lengths.
fn jpeg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    loop {
        while *bytes.get(at)? != 0xFF {
            at += 1;
        }
        while *bytes.get(at)? == 0xFF {
            at += 1;
        }
        let marker = *bytes.get(at)?;
        at += 1;
        if (0xD0..=0xD9).contains(&marker) || marker == 0x01 {
            continue;
        }
        let length = usize::from(u16::from_be_bytes([*bytes.get(at)?, *bytes.get(at + 1)?]));
        if (0xC0..=0xCF).contains(&marker) && ![0xC4, 0xC8, 0xCC].contains(&marker) {
            let be = |i: usize| Some(u32::from(u16::from_be_bytes([*bytes.get(i)?, *bytes.get(i + 1)?])));
            return Some((be(at + 5)?, be(at + 3)?));
        }
        at += length;
    }
}

/// The data URL prefix of an image's bytes: PNG (`89 50 4E 47 0D 0A 1A 0A`) or JPEG (`FF D8 FF`).
fn kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(PNG)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(JPEG)
    } else {
        None
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding (RFC 4648): a few lines, not worth a dependency in the WebAssembly.
fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The bytes of standard padded base64; `None` for anything else.
fn decode(text: &str) -> Option<Vec<u8>> {
    let text = text.as_bytes();
    if !text.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    for (c, chunk) in text.chunks(4).enumerate() {
        let last = c == text.len() / 4 - 1;
        let pad = chunk.iter().rev().take_while(|b| **b == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return None;
        }
        let mut n = 0u32;
        for (i, b) in chunk[..4 - pad].iter().enumerate() {
            let v = ALPHABET.iter().position(|a| a == b)? as u32;
            n |= v << (18 - 6 * i);
        }
        for i in 0..3 - pad {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG_BYTES: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

    #[test]
    fn a_logo_s_size_is_read_from_its_header() {
        // A PNG header of a 300 × 120 image (IHDR: width, height as big-endian u32).
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend_from_slice(&[0, 0, 1, 44, 0, 0, 0, 120, 8, 6, 0, 0, 0]);
        let url = logo_from_bytes(&png).unwrap();
        let img = image(&url).unwrap();
        assert_eq!((img.extension, img.width, img.height), ("png", 300, 120));
        assert_eq!(img.bytes, png);
        // A JPEG: SOI, an APP0 segment of 16 bytes to skip, then SOF0 with height 64 and width 200.
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16];
        jpeg.extend_from_slice(&[0; 14]);
        jpeg.extend_from_slice(&[0xFF, 0xC0, 0, 17, 8, 0, 64, 0, 200, 3]);
        let img = image(&logo_from_bytes(&jpeg).unwrap()).unwrap();
        assert_eq!((img.extension, img.width, img.height), ("jpeg", 200, 64));
        // A JPEG cut before its frame, a PNG without IHDR: no image (the document goes without).
        assert_eq!(image(&logo_from_bytes(&jpeg[..20]).unwrap()), None);
        assert_eq!(image(&logo_from_bytes(PNG_BYTES.split_at(12).0).unwrap()), None);
        assert_eq!(image("data:image/gif;base64,R0lG"), None);
    }

    #[test]
    fn base64_as_rfc_4648_says() {
        // The test vectors of RFC 4648, section 10.
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(plain.as_bytes()), coded);
            assert_eq!(decode(coded).as_deref(), Some(plain.as_bytes()));
        }
        assert_eq!(decode("Zm9"), None);
        assert_eq!(decode("Zm=v"), None);
        assert_eq!(decode("Zg==Zg=="), None);
        assert_eq!(decode("Z!9v"), None);
    }

    #[test]
    fn a_logo_is_a_png_or_jpeg_of_at_most_100_kb() {
        let logo = logo_from_bytes(PNG_BYTES).unwrap();
        assert!(logo.starts_with("data:image/png;base64,iVBORw0KGgo"));
        assert_eq!(check_logo(&logo), Ok(()));
        let jpeg = logo_from_bytes(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 16]).unwrap();
        assert!(jpeg.starts_with("data:image/jpeg;base64,"));
        assert_eq!(check_logo(&jpeg), Ok(()));
        assert_eq!(logo_from_bytes(b"GIF89a"), Err(LogoError::NotPngOrJpeg));
        let mut big = PNG_BYTES.to_vec();
        big.resize(MAX_LOGO_BYTES + 1, 0);
        assert_eq!(logo_from_bytes(&big), Err(LogoError::TooLarge { bytes: MAX_LOGO_BYTES + 1 }));
        big.truncate(MAX_LOGO_BYTES);
        assert!(logo_from_bytes(&big).is_ok());
    }

    #[test]
    fn a_kept_logo_is_checked_again_when_read() {
        assert_eq!(check_logo("data:image/gif;base64,R0lG"), Err(LogoError::NotPngOrJpeg));
        assert_eq!(check_logo("data:image/png;base64,iVBOR!"), Err(LogoError::Damaged));
        // A JPEG said to be a PNG.
        let jpeg = logo_from_bytes(&[0xFF, 0xD8, 0xFF, 0xE0]).unwrap();
        assert_eq!(check_logo(&jpeg.replace("jpeg", "png")), Err(LogoError::NotPngOrJpeg));
        let big = format!("{PNG}{}", "A".repeat(MAX_LOGO_BYTES / 3 * 4 + 8));
        assert!(matches!(check_logo(&big), Err(LogoError::TooLarge { .. })));
        let json = serde_json::to_string(&Letterhead::default()).unwrap();
        assert_eq!(json, "{}");
    }
}
