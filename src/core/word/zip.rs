//! A ZIP archive as a .docx needs it: named entries, each DEFLATE-compressed (the `miniz_oxide` the
//! stored workspace already uses), with their CRC-32, in one pass. No folders, no ZIP64 (a PK's parts
//! are kilobytes), a fixed time stamp (1 January 1980) so the same document gives the same bytes.

/// DEFLATE level, as for storage (`io::pack`): level 9 gains little on a few kilobytes of XML.
const LEVEL: u8 = 6;

/// The CRC-32 of ZIP (IEEE 802.3, reflected, polynomial 0xEDB88320), table made at compile time.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
};

pub fn crc32(bytes: &[u8]) -> u32 {
    let mut c = 0xFFFF_FFFFu32;
    for b in bytes {
        c = CRC_TABLE[((c ^ *b as u32) & 0xFF) as usize] ^ (c >> 8);
    }
    c ^ 0xFFFF_FFFF
}

/// Writes entries one after the other, then the central directory.
#[derive(Default)]
pub struct Zip {
    out: Vec<u8>,
    /// Each entry's central directory record.
    directory: Vec<u8>,
    entries: u16,
}

/// `ZIP` 2.0: what DEFLATE needs to be read.
const VERSION: u16 = 20;
/// Method 8: DEFLATE.
const DEFLATE: u16 = 8;
/// 1 January 1980, 00:00, in MS-DOS form (the earliest ZIP can say).
const DOS_DATE: u16 = (1 << 5) | 1;

fn u16le(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn u32le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

impl Zip {
    /// Adds `name` (an ASCII path such as `word/document.xml`) with `data`.
    pub fn add(&mut self, name: &str, data: &[u8]) {
        let packed = miniz_oxide::deflate::compress_to_vec(data, LEVEL);
        let crc = crc32(data);
        let offset = self.out.len() as u32;
        // The fields both headers share, from "version needed" to the name's length.
        let mut common = Vec::with_capacity(26);
        u16le(&mut common, VERSION);
        u16le(&mut common, 0); // flags
        u16le(&mut common, DEFLATE);
        u16le(&mut common, 0); // time
        u16le(&mut common, DOS_DATE);
        u32le(&mut common, crc);
        u32le(&mut common, packed.len() as u32);
        u32le(&mut common, data.len() as u32);
        u16le(&mut common, name.len() as u16);
        u16le(&mut common, 0); // extra field length

        u32le(&mut self.out, 0x0403_4B50);
        self.out.extend_from_slice(&common);
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(&packed);

        let d = &mut self.directory;
        u32le(d, 0x0201_4B50);
        u16le(d, VERSION); // made by
        d.extend_from_slice(&common);
        u16le(d, 0); // comment length
        u16le(d, 0); // disk
        u16le(d, 0); // internal attributes
        u32le(d, 0); // external attributes
        u32le(d, offset);
        d.extend_from_slice(name.as_bytes());
        self.entries += 1;
    }

    /// The archive.
    pub fn finish(mut self) -> Vec<u8> {
        let start = self.out.len() as u32;
        let size = self.directory.len() as u32;
        self.out.append(&mut self.directory);
        u32le(&mut self.out, 0x0605_4B50);
        u16le(&mut self.out, 0); // this disk
        u16le(&mut self.out, 0); // the directory's disk
        u16le(&mut self.out, self.entries);
        u16le(&mut self.out, self.entries);
        u32le(&mut self.out, size);
        u32le(&mut self.out, start);
        u16le(&mut self.out, 0); // comment length
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_is_zip_s() {
        // The check value of CRC-32/ISO-HDLC, and of an empty input.
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn entries_read_back() {
        let mut zip = Zip::default();
        zip.add("a.xml", b"<a>hello hello hello</a>");
        zip.add("b/c.txt", "Ambon, 15 Juli 2024 – é".as_bytes());
        let bytes = zip.finish();
        let entries = super::super::testing::unzip(&bytes);
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0], ("a.xml".to_string(), b"<a>hello hello hello</a>".to_vec()));
        assert_eq!(entries[1].0, "b/c.txt");
        assert_eq!(String::from_utf8(entries[1].1.clone()).unwrap(), "Ambon, 15 Juli 2024 – é");
        // The end record names two entries and where the directory starts.
        let end = &bytes[bytes.len() - 22..];
        assert_eq!(&end[..4], &[0x50, 0x4B, 0x05, 0x06]);
        assert_eq!(u16::from_le_bytes([end[10], end[11]]), 2);
    }
}
