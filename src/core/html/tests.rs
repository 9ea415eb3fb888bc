use super::*;
use crate::core::model::testing::{agreement, indicator, line, objective, report, workspace};
use std::collections::BTreeMap;

const INDEX: &str = "<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>x</title>\
<link rel=\"stylesheet\" href=\"./main-1.css\"><script type=\"module\" src=\"./boot-2.js\"></script></head><body></body></html>";

fn pages(ws: &Workspace, app: bool) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    site(ws, &Shell::from_index(INDEX, app), Some("2026-12-05T09:00:00+09:00"), &mut |file, html| {
        assert!(out.insert(file.clone(), html).is_none(), "{file} written twice");
    });
    out
}

/// Every `href` of a page that is not an asset of the build.
fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .filter(|h| h.ends_with(".html"))
        .map(String::from)
        .collect()
}

#[test]
fn the_built_in_data_gives_a_list_and_two_pages_per_pk_linked_to_each_other() {
    let ws = crate::core::seed::workspace().unwrap();
    let site = pages(&ws, true);
    assert_eq!(site.len(), 1 + 2 * 10, "{:?}", site.keys());
    for (file, html) in &site {
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"id\">"), "{file}");
        assert_eq!(html.matches("<title>").count(), 1, "{file}");
        assert!(html.contains("<meta name=\"description\" content=\""), "{file}");
        assert!(
            html.contains("<script type=\"module\" src=\"./boot-2.js\"></script>"),
            "{file}: the app takes over"
        );
        for href in links(html) {
            assert!(site.contains_key(&href), "{file} links to {href}, which is not written");
        }
    }
    let list = &site["publik.html"];
    assert!(
        list.contains(
            "<title>Perjanjian Kinerja yang dipublikasikan — Komisi Pemilihan Umum Provinsi Maluku</title>"
        ),
        "{list}"
    );
    assert!(list.contains("<a href=\"publik-pk-kpu-maluku-2024-sekretaris.html\" class=\"static-pk-title\">Sekretaris Komisi Pemilihan Umum Provinsi Maluku</a>"), "{list}");
    // Every PK of the list, the Sekretaris first (the top of the cascade).
    assert_eq!(list.matches("<li class=\"static-pk depth-").count(), 10);
    assert!(list.find("depth-0").unwrap() < list.find("depth-1").unwrap());
    let pk = &site["publik-pk-kpu-maluku-2024-sekretaris.html"];
    assert!(
        pk.contains(
            "<title>PERJANJIAN KINERJA TAHUN 2024 — Sekretaris Komisi Pemilihan Umum Provinsi Maluku</title>"
        ),
        "{pk}"
    );
    assert!(pk.contains("<h1 id=\"statement-title\">PERJANJIAN KINERJA TAHUN 2024</h1>"));
    // The budget as printed, and its Jumlah: 10.252.187.000 + 3.652.389.000.
    assert!(pk.contains("<td class=\"money\">Rp 10.252.187.000</td>"), "{pk}");
    assert!(pk.contains("<th scope=\"row\">Jumlah</th><td class=\"money\">Rp 13.904.576.000</td>"), "{pk}");
    assert!(pk.contains("Ditandatangani di atas kertas (Ambon, Januari 2024)"), "the public status: {pk}");
    assert!(pk.contains(
        "<a href=\"publik-lkj-kpu-maluku-2024-sekretaris.html\" class=\"button-link\">Tabel LKj</a>"
    ));
    let lkj = &site["publik-lkj-kpu-maluku-2024-sekretaris.html"];
    assert!(lkj
        .contains("<title>Capaian Kinerja 2024 — Sekretaris Komisi Pemilihan Umum Provinsi Maluku</title>"));
    // No realisasi in the built-in data: the year's end, every indicator not assessable yet.
    assert!(lkj.contains("Laporan Kinerja Bab III.A, s.d. TW IV"), "{lkj}");
    let rows = lkj.matches("<td class=\"indicator\">").count();
    assert!(rows > 0);
    assert!(lkj.contains(&format!("<li>belum dapat dinilai: {rows}</li>")), "{lkj}");
}

#[test]
fn a_pk_page_shows_its_figures_and_capaian_as_the_app_does() {
    let mut a = agreement("a", None, 2024);
    a.objectives = vec![objective(
        "o1",
        "Sasaran satu",
        vec![
            indicator("i1", "Persentase laporan", "80%", None),
            indicator("i2", "Jumlah rapat", "4 kali", None),
        ],
    )];
    a.budget = vec![line("Program A", "1250000000"), line("Program B", "-")];
    let mut ws = workspace(vec![a]);
    report(&mut ws, "a", "i1", 1, "82%", "Lancar");
    let site = pages(&ws, false);
    let pk = &site["publik-pk-a.html"];
    assert!(!pk.contains("<script"), "a page without the app");
    assert!(pk.contains("<th scope=\"rowgroup\" class=\"objective\" rowspan=\"2\">Sasaran satu</th><td class=\"indicator\">Persentase laporan</td><td class=\"target\" data-label=\"Target\">80%</td>"), "{pk}");
    assert!(pk.contains("<td class=\"money\">Rp 1.250.000.000</td>"));
    assert!(pk.contains("<td class=\"money\">-</td>"));
    assert!(
        pk.contains("<td class=\"money\">Rp 1.250.000.000</td></tr></tfoot>"),
        "the Jumlah adds nothing for a dash: {pk}"
    );
    assert!(pk.contains("Rancangan, belum ditandatangani"), "{pk}");
    let lkj = &site["publik-lkj-a.html"];
    // TW I is the latest reported: 82 of 80 is 102,50%.
    assert!(lkj.contains("s.d. TW I"), "{lkj}");
    assert!(lkj.contains("data-label=\"Capaian\">102,50%</td>"), "{lkj}");
    assert!(lkj.contains("<li>1.1 (TW I): Lancar</li>"), "{lkj}");
    assert!(lkj.contains("<li>belum dapat dinilai: 1</li>"), "{lkj}");
}

#[test]
fn the_publish_download_holds_the_file_and_the_same_pages_as_a_build() {
    let ws = crate::core::seed::workspace().unwrap();
    let choice = crate::core::io::publish::Choice { year: 2024, root: None, realisasi: true };
    let published = crate::core::io::publish::publish(&ws, &choice, "2026-12-05T09:00:00+09:00").unwrap();
    let shell = Shell::from_index(INDEX, true);
    let zip = site_zip(&published.text, &shell).unwrap();
    let entries = crate::core::word::testing::unzip(&zip);
    assert_eq!(entries.len(), 1 + 1 + 2 * 10);
    assert_eq!(entries[0].0, "data/index.json");
    assert_eq!(entries[0].1, published.text.as_bytes());
    // The same pages as the build's program writes from that index.json (`static_pages`, in Data mode).
    let loaded = crate::core::io::file::read(&published.text).unwrap();
    let mut from = loaded.workspace;
    from.office = loaded.meta.source.office.clone();
    let mut built = Vec::new();
    site(&from, &shell, Some("2026-12-05T09:00:00+09:00"), &mut |name, html| {
        built.push((name, html.into_bytes()))
    });
    assert_eq!(&entries[1..], &built[..]);
    let pk = String::from_utf8(
        entries.iter().find(|(n, _)| n == "publik-pk-kpu-maluku-2024-sekretaris.html").unwrap().1.clone(),
    )
    .unwrap();
    assert!(pk.contains("Dipublikasikan 5 Desember 2026"), "{pk}");
}

#[test]
fn several_offices_get_an_index_and_a_page_each() {
    let mut a = agreement("a", None, 2024);
    a.office = "KPU Kabupaten Buru".into();
    let mut b = agreement("b", Some("a"), 2024);
    b.office = "Komisi Pemilihan Umum Kab. Buru".into();
    let mut c = agreement("c<&>", None, 2025);
    c.office = "KPU Kota Ambon".into();
    c.first_party.position = "<script>alert(1)</script>".into();
    let site = pages(&workspace(vec![a, b, c]), false);
    let index = &site["publik.html"];
    assert!(index.contains("2 kantor, 3 PK."), "{index}");
    let buru = links(index).into_iter().find(|h| h.contains("buru")).unwrap();
    assert!(index.contains(&format!("<a href=\"{buru}\">KPU Kabupaten Buru</a></th><td class=\"count\">2</td><td>0 ditandatangani, 2 rancangan</td>")), "{index}");
    let office = &site[&buru];
    assert_eq!(office.matches("class=\"static-pk depth-").count(), 2);
    assert!(office.contains("static-pk depth-1"), "b under a: {office}");
    assert!(site["publik-pk-b.html"]
        .contains(&format!("<a href=\"{buru}\" class=\"button-link\">← Daftar PK</a>")));
    let c = &site["publik-pk-c_3C_26_3E.html"];
    assert!(!c.contains("<script>alert"), "{c}");
    assert!(c.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_eq!(site.len(), 1 + 2 + 3 * 2);
}
