//! The parts around a document's body that make it a .docx (Office Open XML, ECMA-376): content
//! types, relationships, styles (Times New Roman 12 pt, Indonesian), settings, a footer with the page
//! number, the title in the document's properties, and the page: A4 with the print's margins.

use super::xml::escape;
use super::zip::Zip;

/// A4 in twips (210 × 297 mm).
pub const A4_WIDTH: u32 = 11906;
pub const A4_HEIGHT: u32 = 16838;
/// The print's margins (`@page { margin: 18mm 16mm }`): 18 mm above and below, 16 mm at the sides.
pub const MARGIN_TOP: u32 = 1021;
pub const MARGIN_SIDE: u32 = 907;
/// The width text and tables have between the margins.
pub const TEXT_WIDTH: u32 = A4_WIDTH - 2 * MARGIN_SIDE;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

const CONTENT_TYPES: &str = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
</Types>";

fn package_rels() -> String {
    format!(
        "<Relationships xmlns=\"{PACKAGE_RELS}\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>"
    )
}

fn document_rels() -> String {
    format!(
        "<Relationships xmlns=\"{PACKAGE_RELS}\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>\
</Relationships>"
    )
}

/// Times New Roman 12 pt as the print, single spacing, Indonesian for the spelling check.
fn styles() -> String {
    format!(
        "<w:styles xmlns:w=\"{W}\"><w:docDefaults><w:rPrDefault><w:rPr>\
<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/>\
<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/><w:lang w:val=\"id-ID\" w:eastAsia=\"id-ID\" w:bidi=\"ar-SA\"/>\
</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>\
</w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>\
<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>\
<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
</w:styles>"
    )
}

/// Word 2013 and later, so it does not open the file in compatibility mode.
fn settings() -> String {
    format!(
        "<w:settings xmlns:w=\"{W}\"><w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>\
<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
</w:settings>"
    )
}

/// The page number, centred under each page.
fn footer() -> String {
    format!(
        "<w:ftr xmlns:w=\"{W}\"><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>\
<w:r><w:rPr><w:sz w:val=\"20\"/></w:rPr><w:fldChar w:fldCharType=\"begin\"/></w:r>\
<w:r><w:rPr><w:sz w:val=\"20\"/></w:rPr><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>\
<w:r><w:rPr><w:sz w:val=\"20\"/></w:rPr><w:fldChar w:fldCharType=\"separate\"/></w:r>\
<w:r><w:rPr><w:sz w:val=\"20\"/></w:rPr><w:t>1</w:t></w:r>\
<w:r><w:rPr><w:sz w:val=\"20\"/></w:rPr><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:ftr>"
    )
}

fn core_properties(title: &str) -> String {
    format!(
        "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{}</dc:title><dc:creator>Kinerja</dc:creator>\
<dc:language>id-ID</dc:language></cp:coreProperties>",
        escape(title)
    )
}

const APP_PROPERTIES: &str =
    "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
<Application>Kinerja</Application></Properties>";

/// The document `body` (paragraphs and tables, WordprocessingML) on A4 pages as a .docx file.
pub fn docx(title: &str, body: &str) -> Vec<u8> {
    let document = format!(
        "<w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:body>{body}\
<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId3\"/>\
<w:pgSz w:w=\"{A4_WIDTH}\" w:h=\"{A4_HEIGHT}\"/>\
<w:pgMar w:top=\"{MARGIN_TOP}\" w:right=\"{MARGIN_SIDE}\" w:bottom=\"{MARGIN_TOP}\" w:left=\"{MARGIN_SIDE}\" w:header=\"567\" w:footer=\"454\" w:gutter=\"0\"/>\
</w:sectPr></w:body></w:document>"
    );
    let mut zip = Zip::default();
    let parts = [
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", package_rels()),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", document_rels()),
        ("word/styles.xml", styles()),
        ("word/settings.xml", settings()),
        ("word/footer1.xml", footer()),
        ("docProps/core.xml", core_properties(title)),
        ("docProps/app.xml", APP_PROPERTIES.to_string()),
    ];
    for (name, xml) in parts {
        zip.add(name, format!("{HEAD}{xml}").as_bytes());
    }
    zip.finish()
}
