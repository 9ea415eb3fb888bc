//! Text comparison that ignores what varies between copies of the same indicator: case, spacing,
//! punctuation and quotes, and common spelling variants of the source documents.

/// Spelling variants found in KPU documents, written as they are after punctuation is removed.
const VARIANTS: [(&str, &str); 4] = [
    ("presentase", "persentase"),
    ("prosentase", "persentase"),
    ("di ajukan", "diajukan"),
    ("dilingkungan", "di lingkungan"),
];

/// Lower case, letters and digits only, single spaces, common variants unified.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    let mut push = |c: char| {
        if c.is_alphanumeric() {
            out.push(c);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    };
    for c in text.chars() {
        // ASCII (nearly every character of a KPU document) needs no case table.
        if c.is_ascii() {
            push(c.to_ascii_lowercase());
        } else {
            c.to_lowercase().for_each(&mut push);
        }
    }
    out.truncate(out.trim_end().len());
    for (from, to) in VARIANTS {
        if out.contains(from) {
            out = replace_words(&out, from, to);
        }
    }
    out
}

/// Replaces `from` where it stands as whole words.
fn replace_words(s: &str, from: &str, to: &str) -> String {
    let padded = format!(" {s} ");
    padded.replace(&format!(" {from} "), &format!(" {to} ")).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn equal_after_normalising() {
        assert_eq!(normalize("Presentase KPU  Provinsi"), normalize("persentase kpu provinsi"));
        assert_eq!(normalize("yang di ajukan ke MK"), normalize("yang diajukan ke MK"));
        assert_eq!(
            normalize("akuntabilitas kinerja dilingkungan KPU"),
            normalize("akuntabilitas kinerja di lingkungan KPU")
        );
        assert_eq!(
            normalize("memiliki \"Pendidikan Pemilih untuk pemilih Pemula"),
            normalize("memiliki “Pendidikan Pemilih untuk pemilih Pemula”")
        );
        assert_eq!(normalize("Provinsi/Kabupaten/ Kota"), "provinsi kabupaten kota");
        assert_eq!(
            normalize(" ÉTAT  d’Ölçü – İ2 "),
            "état d ölçü i 2",
            "letters beyond ASCII (İ lowers to i and a combining dot)"
        );
    }

    #[test]
    fn different_texts_stay_different() {
        assert_ne!(
            normalize("Persentase sarana yang berfungsi"),
            normalize("Persentase sarana yang dapat dipenuhi")
        );
        assert_ne!(
            normalize("dilingkungannya"),
            normalize("di lingkungannya"),
            "only whole words are variants"
        );
    }
}
