//! How an indicator is measured, inferred from its text and target when the user has not chosen:
//! the polarity (higher or lower is better, a range, a qualitative scale) and the aggregation over the
//! year (sum of the quarters, the last value, the average). Shown in the editor, where it can be changed.

use super::{range, Aggregation, Polarity};
use crate::core::model::normalize::normalize;
use crate::core::model::Target;

/// Words that make an indicator lower-is-better: what it counts is to be avoided.
const LOWER_IS_BETTER: [&str; 14] = [
    "temuan",
    "tidak masuk",
    "tidak terdaftar",
    "belum terdaftar",
    "kesalahan",
    "pelanggaran",
    "keterlambatan",
    "terlambat",
    "keluhan",
    "kerugian",
    "tunggakan",
    "sisa anggaran",
    "ganda",
    "sengketa yang dikabulkan",
];

/// Words that turn a lower-is-better word around: what is counted is that the bad thing is reduced,
/// followed up, settled or absent ("Persentase penurunan nilai temuan …", "Persentase temuan BPK yang
/// ditindaklanjuti", "… dengan tanpa ada kasus … yang mengakibatkan kerugian negara"): higher is better.
const TURNED_AROUND: [&str; 13] = [
    "penurunan",
    "menurunnya",
    "turunnya",
    "pengurangan",
    "berkurangnya",
    "tindak lanjut",
    "ditindaklanjuti",
    "penyelesaian",
    "diselesaikan",
    "terselesaikan",
    "tertangani",
    "tanpa",
    "bebas",
];

/// Qualitative scales in use, best first.
pub const SCALES: [&[&str]; 4] = [
    &["WTP", "WDP", "TW", "TMP"],
    &["AA", "A", "BB", "B", "CC", "C", "D"],
    &["Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang"],
    &["Baik", "Cukup", "Kurang"],
];

/// Count units: the year's value is the sum of the quarters.
const COUNT_UNITS: [&str; 12] = [
    "kali", "lap", "laporan", "dokumen", "dok", "kegiatan", "keg", "berkas", "paket", "orang", "surat",
    "buku",
];

/// The scale a target is on, if it is one of the known qualitative values.
pub fn scale_of(target: &Target) -> Option<Vec<String>> {
    let key = normalize(target.text());
    // The scales' values are already normalized but for their case.
    SCALES
        .iter()
        .find(|scale| scale.iter().any(|v| v.eq_ignore_ascii_case(&key)))
        .map(|scale| scale.iter().map(|s| s.to_string()).collect())
}

/// The polarity an indicator's text and target suggest.
pub fn polarity(text: &str, target: &Target) -> Polarity {
    polarity_of(&normalize(text), target)
}

/// [`polarity`] of a text already normalized.
pub fn polarity_of(text: &str, target: &Target) -> Polarity {
    if let Some(scale) = scale_of(target) {
        return Polarity::Scale(scale);
    }
    if range::parse(target.text()).is_some() {
        return Polarity::Range;
    }
    if LOWER_IS_BETTER.iter().any(|w| text.contains(w)) && !TURNED_AROUND.iter().any(|w| text.contains(w)) {
        Polarity::Lower
    } else {
        Polarity::Higher
    }
}

/// The aggregation an indicator's text and target suggest: counts add up over the year ("Jumlah …",
/// `12 Lap`); percentages, indexes and states take the latest value; averages ("Rata-rata …") average.
pub fn aggregation(text: &str, target: &Target) -> Aggregation {
    aggregation_of(&normalize(text), target)
}

/// [`aggregation`] of a text already normalized.
pub fn aggregation_of(text: &str, target: &Target) -> Aggregation {
    if text.starts_with("rata-rata") || text.starts_with("rata rata") {
        return Aggregation::Average;
    }
    let state = ["persentase", "presentase", "prosentase", "indeks", "nilai", "tingkat", "opini", "predikat"];
    if state.iter().any(|w| text.starts_with(w)) {
        return Aggregation::Last;
    }
    let unit = target.quantity().map(|q| q.unit_key()).unwrap_or_default();
    let counted = COUNT_UNITS
        .iter()
        .any(|u| unit.strip_prefix(u).is_some_and(|rest| rest.is_empty() || rest.starts_with('(')));
    if text.starts_with("jumlah") || counted {
        Aggregation::Sum
    } else {
        Aggregation::Last
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Target {
        Target::new(s)
    }

    #[test]
    fn polarity_from_the_words_of_the_indicator() {
        assert_eq!(polarity("Jumlah temuan BPK atas laporan keuangan", &t("0 temuan")), Polarity::Lower);
        assert_eq!(
            polarity("Persentase pemilih yang memenuhi syarat tidak masuk dalam daftar pemilih", &t("0,2%")),
            Polarity::Lower
        );
        assert_eq!(polarity("Persentase partisipasi pemilih", &t("80%")), Polarity::Higher);
        // A bad thing reduced, followed up or absent is higher-is-better: the built-in 2024 PKs (the
        // Kepala Sub Bagian Hukum dan SDM's 7.1, target 30%; the Kepala Bagian Keuangan's logistics
        // indicator, target 100%) and a kabupaten's follow-up rate.
        for text in [
            "Persentase penurunan nilai temuan hasil pemeriksaan internal dan eksternal terhadap realisasi anggaran",
            "Persentase temuan BPK yang ditindaklanjuti",
            "Persentase tindak lanjut temuan hasil pemeriksaan",
            "Persentase KPU Provinsi dan KPU Kabupaten/Kota yang melaksanakan pengadaan logistik keperluan \
             pemilu/pemilihan dengan tanpa ada kasus terhadap proses pengadaan yang mengakibatkan kerugian negara",
            "Persentase penyelesaian keluhan masyarakat",
        ] {
            assert_eq!(polarity(text, &t("30%")), Polarity::Higher, "{text}");
        }
        assert_eq!(polarity("Jumlah keterlambatan penyampaian laporan", &t("0 kali")), Polarity::Lower);
        assert_eq!(polarity("Tingkat kepuasan", &t("80–90%")), Polarity::Range);
        assert_eq!(
            polarity("Opini BPK atas laporan keuangan", &t("WTP")),
            Polarity::Scale(["WTP", "WDP", "TW", "TMP"].map(String::from).to_vec())
        );
        assert!(matches!(polarity("Nilai SAKIP", &t("BB")), Polarity::Scale(s) if s[0] == "AA"));
    }

    #[test]
    fn scale_values_read_as_they_are_written() {
        assert!(SCALES.iter().flat_map(|s| s.iter()).all(|v| normalize(v) == v.to_ascii_lowercase()));
        assert_eq!(scale_of(&t(" sangat  BAIK.")).map(|s| s[0].clone()), Some("Sangat Baik".to_string()));
        assert_eq!(scale_of(&t("wtp")).map(|s| s.len()), Some(4));
        assert_eq!(scale_of(&t("80%")), None);
    }

    #[test]
    fn aggregation_from_text_and_unit() {
        // Rows of the embedded 2024 PKs.
        assert_eq!(
            aggregation("Jumlah laporan sistem akuntansi dan pelaporan keuangan", &t("2 Lap")),
            Aggregation::Sum
        );
        assert_eq!(aggregation("Persentase pejabat perbendaharaan …", &t("90%")), Aggregation::Last);
        assert_eq!(aggregation("Presentase Penyediaan Logistik Pemilu", &t("12 Satker")), Aggregation::Last);
        assert_eq!(aggregation("Terlaksananya rapat koordinasi", &t("8 kali")), Aggregation::Sum);
        assert_eq!(aggregation("Rata-rata waktu penyelesaian", &t("3 hari")), Aggregation::Average);
        assert_eq!(aggregation("Opini BPK", &t("WTP")), Aggregation::Last);
        assert_eq!(
            aggregation("Laporan yang disusun", &t("4 Lap (Triwulan)")),
            Aggregation::Sum,
            "a count unit with a note"
        );
        assert_eq!(
            aggregation("Dukungan teknis", &t("3 Satker (Provinsi)")),
            Aggregation::Last,
            "not a count unit"
        );
    }
}
