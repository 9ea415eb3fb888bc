//! Text compressed for localStorage: raw DEFLATE (RFC 1951), its bytes packed 15 bits to a character.
//!
//! localStorage holds UTF-16 strings and browsers count its quota in UTF-16 code units, so a byte per
//! character would waste half of it. Fifteen bits per character, offset by 0x20, gives characters from
//! U+0020 to U+801F: no control characters and no surrogates (U+D800–U+DFFF), so every packed text is
//! valid UTF-16 and valid UTF-8 on its way through wasm-bindgen. Kinerja files measured 8–16 × smaller
//! in characters than their JSON (README, benchmark).
//!
//! Layout: `K`, then the number of compressed bytes in two characters (30 bits), then the bits, most
//! significant first. Outside the browser (and in the test helper `tests/e2e/stored.mjs`) the same
//! layout is read with any inflate, e.g. Node's `zlib.inflateRawSync`.

/// The first character of every packed text (the layout's version).
const TAG: char = 'K';
const OFFSET: u32 = 0x20;
/// DEFLATE level: 3 of 9 measured within 6 % of the best size at three quarters of its time.
const LEVEL: u8 = 3;

/// Compresses `text`.
pub fn pack(text: &str) -> String {
    let bytes = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), LEVEL);
    let mut out = String::with_capacity(3 + bytes.len() * 8 / 15 + 1);
    out.push(TAG);
    let len = bytes.len() as u32;
    out.push(unit(len >> 15));
    out.push(unit(len & 0x7fff));
    let (mut acc, mut bits) = (0u32, 0u32);
    for b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            out.push(unit((acc >> bits) & 0x7fff));
            acc &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        out.push(unit((acc << (15 - bits)) & 0x7fff));
    }
    out
}

fn unit(value: u32) -> char {
    // 0x20..=0x801F is below the surrogates.
    char::from_u32(value + OFFSET).unwrap_or(' ')
}

fn value(c: char) -> Option<u32> {
    (c as u32).checked_sub(OFFSET).filter(|v| *v <= 0x7fff)
}

/// Whether `text` was written by [`pack`] (older storage holds plain JSON, which starts with `{`).
pub fn is_packed(text: &str) -> bool {
    text.starts_with(TAG)
}

/// The text back; `None` when it is not a packed text, is damaged, or would exceed `limit` bytes.
pub fn unpack(text: &str, limit: usize) -> Option<String> {
    let mut chars = text.strip_prefix(TAG)?.chars();
    let len = ((value(chars.next()?)? << 15) | value(chars.next()?)?) as usize;
    let mut bytes = Vec::with_capacity(len);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in chars {
        acc = (acc << 15) | value(c)?;
        bits += 15;
        while bits >= 8 && bytes.len() < len {
            bits -= 8;
            bytes.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if bytes.len() != len {
        return None;
    }
    let plain = miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, limit).ok()?;
    String::from_utf8(plain).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_length_and_character() {
        for n in 0..64 {
            let text: String =
                "Rp 10.252.187.000 · capaian 82,50% — ✓ 😀 \"\\\n".chars().cycle().take(n).collect();
            let packed = pack(&text);
            assert!(is_packed(&packed));
            assert_eq!(unpack(&packed, 1 << 20).as_deref(), Some(text.as_str()), "length {n}");
        }
    }

    #[test]
    fn characters_stay_in_the_safe_range() {
        // Bytes of every value, incompressible enough to reach the extremes of 15 bits.
        let text: String =
            (0..5000u32).map(|i| char::from_u32(0x20 + (i * 7919) % 0x2000).unwrap()).collect();
        let packed = pack(&text);
        assert!(packed.chars().all(|c| (0x20..=0x801f).contains(&(c as u32))));
        assert_eq!(unpack(&packed, 1 << 20).unwrap(), text);
    }

    #[test]
    fn json_shrinks_several_times_in_characters() {
        let ws = crate::core::seed::workspace().unwrap();
        let text = super::super::file::write(&ws, None, &Default::default());
        let packed = pack(&text);
        let ratio = text.chars().count() / packed.chars().count();
        assert!(ratio >= 8, "the embedded dataset packs {ratio} × smaller");
    }

    #[test]
    fn damage_is_refused_not_misread() {
        let packed = pack("{\"agreements\": []}");
        assert_eq!(unpack("{\"format\": \"kinerja-pk\"}", 1000), None, "plain JSON is not packed");
        let cut: String = packed.chars().take(packed.chars().count() - 1).collect();
        assert_eq!(unpack(&cut, 1000), None, "cut short");
        assert_eq!(unpack("K", 1000), None);
        assert_eq!(unpack("K\u{1}\u{1}", 1000), None, "below the range");
        let mut flipped: Vec<char> = packed.chars().collect();
        flipped[3] = unit(value(flipped[3]).unwrap() ^ 0x4000);
        let flipped: String = flipped.into_iter().collect();
        assert_ne!(unpack(&flipped, 1000).as_deref(), Some("{\"agreements\": []}"));
        // A small text that inflates beyond the limit (a "zip bomb") is refused.
        let bomb = pack(&"0".repeat(100_000));
        assert!(bomb.chars().count() < 200);
        assert_eq!(unpack(&bomb, 10_000), None);
    }
}
