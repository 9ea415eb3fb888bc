//! What the printed document says that is worked out, not typed: whether it prints as a Perubahan, the
//! date of its place-and-date line, and the *Jumlah* under Program/Anggaran. One definition for the
//! page, its print and the Word download; `core::text::printed` words them.

use super::{Agreement, Amount, BudgetLine, Stage};
use rust_decimal::Decimal;

/// The Perubahan a document prints as (`Some(n)`: *Perubahan ke-n*, signed or being prepared); `None`
/// for a draft and for the PK as first signed.
pub fn revision(a: &Agreement) -> Option<u32> {
    match a.stage() {
        Stage::Signed(n) if n > 0 => Some(n),
        Stage::Revising(n) => Some(n),
        _ => None,
    }
}

/// The date on the place-and-date line above the signatures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrintedDate<'a> {
    /// As typed on the PK (`Januari 2024`): a draft and the PK as first signed.
    AsWritten(&'a str),
    /// An ISO day (`2024-07-20`): a signed Perubahan prints the day it was signed, a Perubahan being
    /// prepared the date given when it was begun.
    Day(&'a str),
}

/// The date of the place-and-date line: a Perubahan never prints the original's date.
pub fn printed_date(a: &Agreement) -> PrintedDate<'_> {
    match a.stage() {
        Stage::Signed(n) if n > 0 => {
            a.in_force().map_or(PrintedDate::AsWritten(&a.date), |v| PrintedDate::Day(&v.signed_on))
        }
        Stage::Revising(_) => {
            a.life.revising.as_ref().map_or(PrintedDate::AsWritten(&a.date), |c| PrintedDate::Day(&c.date))
        }
        _ => PrintedDate::AsWritten(&a.date),
    }
}

/// The *Jumlah* row under Program/Anggaran: the sum of the lines' figures; a `-` and an empty amount
/// add nothing. A table without any figure (only `-` or empty amounts) totals [`Amount::Dash`]; a PK
/// without budget lines has no *Jumlah* (`None`).
pub fn budget_total(lines: &[BudgetLine]) -> Option<Amount> {
    if lines.is_empty() {
        return None;
    }
    let figures: Vec<Decimal> = lines.iter().filter_map(|b| b.amount.value()).collect();
    Some(if figures.is_empty() { Amount::Dash } else { Amount::Value(figures.into_iter().sum()) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::life::{Change, Reason};
    use crate::core::model::testing::{agreement, indicator, objective};
    use rust_decimal_macros::dec;

    fn line(amount: Amount) -> BudgetLine {
        BudgetLine::new("Program", amount)
    }

    #[test]
    fn jumlah_adds_the_figures_and_skips_dashes_and_blanks() {
        let lines = [
            line(Amount::Value(dec!(10252187000))),
            line(Amount::Dash),
            line(Amount::Blank),
            line(Amount::Value(dec!(1500000000))),
        ];
        assert_eq!(budget_total(&lines), Some(Amount::Value(dec!(11752187000))));
        assert_eq!(budget_total(&[line(Amount::Dash), line(Amount::Blank)]), Some(Amount::Dash));
        assert_eq!(budget_total(&[]), None);
        assert_eq!(budget_total(&lines).unwrap().display(crate::core::i18n::Lang::Id), "Rp 11.752.187.000");
    }

    fn signed() -> Agreement {
        let mut a = agreement("a", None, 2024);
        a.objectives = vec![objective("o", "Sasaran", vec![indicator("i", "Indikator", "2 Lap", None)])];
        a.sign("2024-01-02", false).unwrap();
        a
    }

    #[test]
    fn a_perubahan_prints_as_one_with_its_own_date() {
        let draft = agreement("a", None, 2024);
        assert_eq!((revision(&draft), printed_date(&draft)), (None, PrintedDate::AsWritten("Januari 2024")));
        let mut a = signed();
        assert_eq!((revision(&a), printed_date(&a)), (None, PrintedDate::AsWritten("Januari 2024")));
        let change = Change {
            reason: Reason::Budget,
            text: String::new(),
            basis: "DIPA".into(),
            date: "2024-07-15".into(),
        };
        a.begin_revision(change).unwrap();
        assert_eq!((revision(&a), printed_date(&a)), (Some(1), PrintedDate::Day("2024-07-15")));
        a.objectives[0].indicators[0].target = crate::core::model::Target::new("3 Lap");
        a.sign("2024-07-20", false).unwrap();
        assert_eq!((revision(&a), printed_date(&a)), (Some(1), PrintedDate::Day("2024-07-20")));
        // The first version, shown as signed then, keeps the original's heading and date.
        let first = a.as_version(0).unwrap();
        assert_eq!((revision(&first), printed_date(&first)), (None, PrintedDate::AsWritten("Januari 2024")));
    }
}
