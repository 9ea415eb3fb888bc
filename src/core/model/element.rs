//! The id of every editable element: its DOM id (which the end-to-end tests select), the key of its
//! unsaved input and of its undo group, and the target of a `?fokus=` link. Built and read only here.

use super::calendar::Deliverable;
use super::check::Place;
use super::edit::Field;
use super::quarter::Quarter;
use super::{AgreementId, IndicatorId, ObjectiveId};
use std::fmt;

/// One field of a predikat band on the Data page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BandField {
    Label,
    Above,
    Min,
}

/// One field of an indicator on the realisasi page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MeasureField {
    Plan,
    Actual,
    Note,
    Evidence,
    Previous,
    Polarity,
    Aggregation,
    PlanNote,
}

/// An editable element.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ElementId {
    /// `pk-<field>`: a text field of the agreement's identity.
    Field(Field),
    /// `pk-year`.
    Year,
    /// `pk-parent`: the superior PK.
    Parent,
    /// `obj-<id>-text`.
    ObjectiveText(ObjectiveId),
    /// `obj-<id>-heading`.
    ObjectiveHeading(ObjectiveId),
    /// `obj-<id>-add`: the objective's "add indicator" button.
    AddIndicator(ObjectiveId),
    /// `add-objective`.
    AddObjective,
    /// `add-budget-line`.
    AddBudgetLine,
    /// `ind-<id>-text`.
    IndicatorText(IndicatorId),
    /// `ind-<id>-target`.
    Target(IndicatorId),
    /// `budget-<line>-program`.
    Program(usize),
    /// `budget-<line>-amount`.
    Amount(usize),
    /// `budget-<line>-actual-<quarter>`: a quarter's realisasi anggaran.
    BudgetActual(usize, Quarter),
    /// `band-<index>-label|above|min`.
    Band(usize, BandField),
    /// `m-<indicator>-<field>` on the realisasi page.
    Measure(IndicatorId, MeasureField),
    /// `m-<indicator>-<field>@<quarter>`: one quarter's input of a realisasi page field (the field
    /// shows the chosen quarter), for unsaved input and undo groups.
    MeasureAt(IndicatorId, MeasureField, Quarter),
    /// `due-<deliverable>` on the calendar.
    Due(Deliverable),
}

const FIELDS: [(Field, &str); 9] = [
    (Field::Office, "office"),
    (Field::Unit, "unit"),
    (Field::Place, "place"),
    (Field::Date, "date"),
    (Field::Notes, "notes"),
    (Field::FirstName, "firstname"),
    (Field::FirstPosition, "firstposition"),
    (Field::SecondName, "secondname"),
    (Field::SecondPosition, "secondposition"),
];

const BAND_FIELDS: [(BandField, &str); 3] =
    [(BandField::Label, "label"), (BandField::Above, "above"), (BandField::Min, "min")];

/// Longest names first: `plan-note` must be tried before `note`.
const MEASURE_FIELDS: [(MeasureField, &str); 8] = [
    (MeasureField::PlanNote, "plan-note"),
    (MeasureField::Aggregation, "aggregation"),
    (MeasureField::Evidence, "evidence"),
    (MeasureField::Polarity, "polarity"),
    (MeasureField::Previous, "previous"),
    (MeasureField::Actual, "actual"),
    (MeasureField::Plan, "plan"),
    (MeasureField::Note, "note"),
];

fn name<T: PartialEq + Copy>(table: &[(T, &'static str)], value: T) -> &'static str {
    table.iter().find(|(v, _)| *v == value).map(|(_, n)| *n).unwrap_or_default()
}

fn named<T: Copy>(table: &[(T, &'static str)], text: &str) -> Option<T> {
    table.iter().find(|(_, n)| *n == text).map(|(v, _)| *v)
}

impl MeasureField {
    pub fn name(self) -> &'static str {
        name(&MEASURE_FIELDS, self)
    }
}

impl fmt::Display for ElementId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ElementId::Field(field) => write!(f, "pk-{}", name(&FIELDS, *field)),
            ElementId::Year => f.write_str("pk-year"),
            ElementId::Parent => f.write_str("pk-parent"),
            ElementId::ObjectiveText(id) => write!(f, "obj-{id}-text"),
            ElementId::ObjectiveHeading(id) => write!(f, "obj-{id}-heading"),
            ElementId::AddIndicator(id) => write!(f, "obj-{id}-add"),
            ElementId::AddObjective => f.write_str("add-objective"),
            ElementId::AddBudgetLine => f.write_str("add-budget-line"),
            ElementId::IndicatorText(id) => write!(f, "ind-{id}-text"),
            ElementId::Target(id) => write!(f, "ind-{id}-target"),
            ElementId::Program(line) => write!(f, "budget-{line}-program"),
            ElementId::Amount(line) => write!(f, "budget-{line}-amount"),
            ElementId::BudgetActual(line, q) => write!(f, "budget-{line}-actual-{}", q.number()),
            ElementId::Band(index, field) => write!(f, "band-{index}-{}", name(&BAND_FIELDS, *field)),
            ElementId::Measure(id, field) => write!(f, "m-{id}-{}", field.name()),
            ElementId::MeasureAt(id, field, q) => write!(f, "m-{id}-{}@{}", field.name(), q.number()),
            ElementId::Due(what) => write!(f, "due-{}", what.key()),
        }
    }
}

/// `<prefix><middle>-<suffix>` with a non-empty middle.
fn between<'a>(text: &'a str, prefix: &str, suffix: &str) -> Option<&'a str> {
    let middle = text.strip_prefix(prefix)?.strip_suffix(suffix)?.strip_suffix('-')?;
    (!middle.is_empty()).then_some(middle)
}

impl ElementId {
    /// The element whose id (as [`Display`](fmt::Display) writes it) is `text`.
    pub fn parse(text: &str) -> Option<ElementId> {
        match text {
            "pk-year" => return Some(ElementId::Year),
            "pk-parent" => return Some(ElementId::Parent),
            "add-objective" => return Some(ElementId::AddObjective),
            "add-budget-line" => return Some(ElementId::AddBudgetLine),
            _ => {}
        }
        if let Some(rest) = text.strip_prefix("pk-") {
            return named(&FIELDS, rest).map(ElementId::Field);
        }
        if let Some(rest) = text.strip_prefix("due-") {
            return Deliverable::from_key(rest).map(ElementId::Due);
        }
        if text.starts_with("obj-") {
            let id = |suffix| between(text, "obj-", suffix).map(ObjectiveId::new);
            return id("text")
                .map(ElementId::ObjectiveText)
                .or_else(|| id("heading").map(ElementId::ObjectiveHeading))
                .or_else(|| id("add").map(ElementId::AddIndicator));
        }
        if text.starts_with("ind-") {
            let id = |suffix| between(text, "ind-", suffix).map(IndicatorId::new);
            return id("text").map(ElementId::IndicatorText).or_else(|| id("target").map(ElementId::Target));
        }
        if let Some(rest) = text.strip_prefix("budget-") {
            let (line, field) = rest.split_once('-')?;
            let line: usize = line.parse().ok()?;
            return match field {
                "program" => Some(ElementId::Program(line)),
                "amount" => Some(ElementId::Amount(line)),
                _ => {
                    let q = field.strip_prefix("actual-")?.parse().ok().and_then(Quarter::new)?;
                    Some(ElementId::BudgetActual(line, q))
                }
            };
        }
        if let Some(rest) = text.strip_prefix("band-") {
            let (index, field) = rest.split_once('-')?;
            return Some(ElementId::Band(index.parse().ok()?, named(&BAND_FIELDS, field)?));
        }
        if text.starts_with("m-") {
            let (field_part, quarter) = match text.rsplit_once('@') {
                Some((f, q)) => (f, Some(q.parse().ok().and_then(Quarter::new)?)),
                None => (text, None),
            };
            let (field, id) = MEASURE_FIELDS.iter().find_map(|(field, n)| {
                between(field_part, "m-", n).map(|id| (*field, IndicatorId::new(id)))
            })?;
            return Some(match quarter {
                Some(q) => ElementId::MeasureAt(id, field, q),
                None => ElementId::Measure(id, field),
            });
        }
        None
    }

    /// The key of this element of `agreement`: for its unsaved input and its undo group.
    pub fn key_in(&self, agreement: &AgreementId) -> String {
        format!("{agreement}/{self}")
    }

    /// The element on the page: a quarter's input of a realisasi field is in that field.
    pub fn on_page(&self) -> ElementId {
        match self {
            ElementId::MeasureAt(id, field, _) => ElementId::Measure(id.clone(), *field),
            other => other.clone(),
        }
    }

    /// Whether the element is on the realisasi page (else on the editor).
    pub fn on_measure_page(&self) -> bool {
        matches!(self, ElementId::Measure(..) | ElementId::MeasureAt(..) | ElementId::BudgetActual(..))
    }

    /// The editor element where a problem at `place` is fixed.
    pub fn of_place(place: &Place) -> ElementId {
        match place {
            Place::Field(f) => ElementId::Field(*f),
            Place::Objective(id) => ElementId::ObjectiveText(id.clone()),
            Place::IndicatorText(id) => ElementId::IndicatorText(id.clone()),
            Place::Target(id) => ElementId::Target(id.clone()),
            Place::Program(i) => ElementId::Program(*i),
            Place::Amount(i) => ElementId::Amount(*i),
        }
    }
}

impl From<ElementId> for String {
    fn from(element: ElementId) -> String {
        element.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every() -> Vec<ElementId> {
        let (o, i) = (ObjectiveId::new("k7f3q2m9x-o1"), IndicatorId::new("kpu-maluku-2024/s01/i1"));
        let q = Quarter::new(3).unwrap();
        let mut all = vec![
            ElementId::Year,
            ElementId::Parent,
            ElementId::ObjectiveText(o.clone()),
            ElementId::ObjectiveHeading(o.clone()),
            ElementId::AddIndicator(o),
            ElementId::AddObjective,
            ElementId::AddBudgetLine,
            ElementId::IndicatorText(i.clone()),
            ElementId::Target(i.clone()),
            ElementId::Program(0),
            ElementId::Amount(12),
            ElementId::BudgetActual(2, q),
        ];
        all.extend(FIELDS.iter().map(|(f, _)| ElementId::Field(*f)));
        all.extend(BAND_FIELDS.iter().map(|(f, _)| ElementId::Band(1, *f)));
        all.extend(MEASURE_FIELDS.iter().map(|(f, _)| ElementId::Measure(i.clone(), *f)));
        all.extend(MEASURE_FIELDS.iter().map(|(f, _)| ElementId::MeasureAt(i.clone(), *f, q)));
        all.extend(Deliverable::ALL.iter().map(|d| ElementId::Due(*d)));
        all
    }

    #[test]
    fn every_element_id_reads_back() {
        for e in every() {
            assert_eq!(ElementId::parse(&e.to_string()), Some(e.clone()), "{e}");
        }
    }

    #[test]
    fn ids_are_the_pages_dom_ids() {
        let i = IndicatorId::new("x-i1");
        let q2 = Quarter::new(2).unwrap();
        assert_eq!(ElementId::Field(Field::FirstPosition).to_string(), "pk-firstposition");
        assert_eq!(ElementId::Field(Field::Office).to_string(), "pk-office");
        assert_eq!(ElementId::Year.to_string(), "pk-year");
        assert_eq!(ElementId::ObjectiveText(ObjectiveId::new("o1")).to_string(), "obj-o1-text");
        assert_eq!(ElementId::AddIndicator(ObjectiveId::new("o1")).to_string(), "obj-o1-add");
        assert_eq!(ElementId::Target(IndicatorId::new("x/1")).to_string(), "ind-x/1-target");
        assert_eq!(ElementId::Amount(0).to_string(), "budget-0-amount");
        assert_eq!(ElementId::BudgetActual(0, q2).to_string(), "budget-0-actual-2");
        assert_eq!(ElementId::Band(1, BandField::Above).to_string(), "band-1-above");
        assert_eq!(ElementId::Measure(i.clone(), MeasureField::PlanNote).to_string(), "m-x-i1-plan-note");
        assert_eq!(ElementId::MeasureAt(i, MeasureField::Actual, q2).to_string(), "m-x-i1-actual@2");
        assert_eq!(ElementId::Due(Deliverable::Realisasi(q2)).to_string(), "due-tw2");
        assert_eq!(ElementId::Year.key_in(&AgreementId::new("a")), "a/pk-year");
    }

    #[test]
    fn other_text_is_no_element() {
        for text in [
            "",
            "pk-",
            "pk-nope",
            "obj--text",
            "ind-x",
            "budget-x-amount",
            "budget-0-actual-5",
            "m-x",
            "due-tw9",
        ] {
            assert_eq!(ElementId::parse(text), None, "{text}");
        }
    }
}
