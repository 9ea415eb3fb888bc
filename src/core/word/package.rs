//! The parts around a document's body that make it a .docx (Office Open XML, ECMA-376): content
//! types, relationships, styles (Times New Roman 12 pt, Indonesian), settings, a footer with the page
//! number, the title in the document's properties, and the page: A4 with the print's margins.

use super::xml::escape;
use super::zip::Zip;
use crate::core::model::letterhead::Image;

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
const WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
const PIC: &str = "http://schemas.openxmlformats.org/drawingml/2006/picture";
/// The relationship of the logo's image part, when the document has one.
const LOGO_REL: &str = "rId4";
/// The logo as printed (`.letterhead-logo`: 22 mm high, at most 40 mm wide), in EMU (36 000 per mm).
const LOGO_HEIGHT: u64 = 22 * 36_000;
const LOGO_MAX_WIDTH: u64 = 40 * 36_000;

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

fn document_rels(logo: Option<&Image>) -> String {
    let image = logo.map_or(String::new(), |i| {
        format!(
            "<Relationship Id=\"{LOGO_REL}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" \
Target=\"media/logo.{}\"/>",
            i.extension
        )
    });
    format!(
        "<Relationships xmlns=\"{PACKAGE_RELS}\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>\
{image}</Relationships>"
    )
}

/// The logo's size on the page, in EMU: the print's height, narrower logos as they are, wider ones
/// brought down to the print's largest width (the proportions kept).
pub fn logo_extent(i: &Image) -> (u64, u64) {
    let (w, h) = (u64::from(i.width), u64::from(i.height));
    let width = LOGO_HEIGHT * w / h;
    if width <= LOGO_MAX_WIDTH {
        (width, LOGO_HEIGHT)
    } else {
        (LOGO_MAX_WIDTH, LOGO_MAX_WIDTH * h / w)
    }
}

/// The logo centred in a paragraph of its own (an inline picture: it moves with the text, as printed).
/// Decorative, as on the page: the office name under it says what it stands for.
pub fn logo(out: &mut String, i: &Image) {
    let (cx, cy) = logo_extent(i);
    out.push_str(&format!(
        "<w:p><w:pPr><w:jc w:val=\"center\"/><w:spacing w:after=\"60\"/></w:pPr><w:r><w:drawing>\
<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/>\
<wp:docPr id=\"1\" name=\"Logo\" descr=\"\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>\
<a:graphic><a:graphicData uri=\"{PIC}\"><pic:pic><pic:nvPicPr><pic:cNvPr id=\"1\" name=\"logo.{ext}\"/><pic:cNvPicPr/></pic:nvPicPr>\
<pic:blipFill><a:blip r:embed=\"{LOGO_REL}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>\
</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>",
        ext = i.extension
    ));
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

/// The document `body` (paragraphs and tables, WordprocessingML) on A4 pages as a .docx file, with the
/// logo's image part when the body shows it ([`logo`]).
pub fn docx(title: &str, body: &str, logo: Option<&Image>) -> Vec<u8> {
    let document = format!(
        "<w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\" xmlns:wp=\"{WP}\" xmlns:a=\"{A}\" xmlns:pic=\"{PIC}\"><w:body>{body}\
<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId3\"/>\
<w:pgSz w:w=\"{A4_WIDTH}\" w:h=\"{A4_HEIGHT}\"/>\
<w:pgMar w:top=\"{MARGIN_TOP}\" w:right=\"{MARGIN_SIDE}\" w:bottom=\"{MARGIN_TOP}\" w:left=\"{MARGIN_SIDE}\" w:header=\"567\" w:footer=\"454\" w:gutter=\"0\"/>\
</w:sectPr></w:body></w:document>"
    );
    let mut zip = Zip::default();
    let types = match logo {
        Some(i) => CONTENT_TYPES.replacen(
            "<Default Extension=\"xml\"",
            &format!(
                "<Default Extension=\"{0}\" ContentType=\"image/{0}\"/><Default Extension=\"xml\"",
                i.extension
            ),
            1,
        ),
        None => CONTENT_TYPES.to_string(),
    };
    let parts = [
        ("[Content_Types].xml", types),
        ("_rels/.rels", package_rels()),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", document_rels(logo)),
        ("word/styles.xml", styles()),
        ("word/settings.xml", settings()),
        ("word/footer1.xml", footer()),
        ("docProps/core.xml", core_properties(title)),
        ("docProps/app.xml", APP_PROPERTIES.to_string()),
    ];
    for (name, xml) in parts {
        zip.add(name, format!("{HEAD}{xml}").as_bytes());
    }
    if let Some(i) = logo {
        zip.add(&format!("word/media/logo.{}", i.extension), &i.bytes);
    }
    zip.finish()
}
