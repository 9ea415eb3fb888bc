//! Typed input: one rule per kind of field for when its text is understood, and the one way every
//! field takes a keystroke. A field's text is committed only when the whole of it is understood;
//! otherwise the stored value stays as it was and the text is kept as *unsaved* (shown in the field
//! and on the PK's page), remembering the value the field held before the typing began, which
//! *Buang isian ini* puts back. Typed character by character, a field therefore always stores the
//! last text that was understood whole (the property test in `tests/typing.rs`).
//!
//! | field | understood when the text is |
//! |---|---|
//! | year | a whole number 1900–2200 |
//! | budget amount, realisasi anggaran | [`Amount::parse`]: whole Rupiah, `-`, or empty |
//! | target, Rencana Aksi, realisasi | empty, words that do not begin with a digit (`WTP`, `Baik`), or a number with its unit (`82,5%`, `8 kali`) or a range (`80–90%`) |
//! | predikat band bound | a number, with or without `%` |

use crate::core::measure::range;
use crate::core::measure::Quarter;
use crate::core::model::{Agreement, Amount, IndicatorId, Target, YEARS};
use rust_decimal::Decimal;

/// Why typed text is not (yet) a value of its field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypedError {
    /// Not a whole number 1900–2200.
    NotAYear,
    /// Begins with a number that is not read whole (`82,`, `1.2.3 Lap`, `75% dari target`).
    TargetUnread,
    /// A band's bound that is not a number.
    NotANumber,
}

/// The year: a whole number 1900–2200 (`202` on the way to `2025` is not one).
pub fn year(text: &str) -> Result<i32, TypedError> {
    text.trim().parse::<i32>().ok().filter(|y| YEARS.contains(y)).ok_or(TypedError::NotAYear)
}

/// A target, a Rencana Aksi or a realisasi. Text is a legitimate value (qualitative targets such as
/// `WTP`); but text that begins with a digit is a figure, and a figure is taken only when it reads whole
/// as a number with its unit or as a range, so that `82,` on the way to `82,5%` is never stored.
pub fn target(text: &str) -> Result<(), TypedError> {
    let s = text.trim();
    if !s.starts_with(|c: char| c.is_ascii_digit()) {
        return Ok(());
    }
    if Target::new(s).quantity().is_some() || range::parse(s).is_some() {
        Ok(())
    } else {
        Err(TypedError::TargetUnread)
    }
}

/// A predikat band's lower bound: a number, `%` allowed (`90`, `87,5`, `90 %`).
pub fn band(text: &str) -> Result<Decimal, TypedError> {
    let s = text.trim();
    let s = s.strip_suffix('%').unwrap_or(s);
    crate::core::format::parse_number(s).ok_or(TypedError::NotANumber)
}

/// What a field of a PK held, to be put back when its unsaved text is discarded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldValue {
    Year(i32),
    Amount {
        line: usize,
        amount: Amount,
    },
    BudgetActual {
        line: usize,
        quarter: Quarter,
        amount: Amount,
    },
    Target {
        indicator: IndicatorId,
        text: String,
    },
    Plan {
        indicator: IndicatorId,
        quarter: Quarter,
        text: String,
    },
    Actual {
        indicator: IndicatorId,
        quarter: Quarter,
        text: String,
    },
    /// Last year's realisasi typed on an indicator.
    Previous {
        indicator: IndicatorId,
        text: String,
    },
}

impl FieldValue {
    /// Puts the value back into the PK; whether anything changed.
    pub fn restore(&self, a: &mut Agreement) -> bool {
        match self {
            FieldValue::Year(y) => a.set_year(*y),
            FieldValue::Amount { line, amount } => a.set_amount(*line, amount.clone()),
            FieldValue::BudgetActual { line, quarter, amount } => {
                a.set_budget_actual(*line, *quarter, amount.clone())
            }
            FieldValue::Target { indicator, text } => a.set_target(indicator, text),
            FieldValue::Plan { indicator, quarter, text } => a.set_plan(indicator, *quarter, text),
            FieldValue::Actual { indicator, quarter, text } => a.set_actual(indicator, *quarter, text),
            FieldValue::Previous { indicator, text } => a.set_previous(indicator, text),
        }
    }
}

/// What a keystroke does to a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step<T, E, V> {
    /// The whole text is understood: store this value (and drop any unsaved text of the field).
    Commit(T),
    /// Not understood: the stored value stays; keep the text as unsaved, with why, and the value the
    /// field held before the typing began.
    Unsaved { error: E, before: V },
}

/// One field's typing, from its first keystroke until it loses focus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session<V> {
    before: Option<V>,
}

impl<V> Default for Session<V> {
    fn default() -> Self {
        Self { before: None }
    }
}

impl<V: Clone> Session<V> {
    /// A keystroke. `stored` reads what the field holds now (read at the first keystroke only);
    /// `pending` is the value remembered by unsaved text left in the field earlier, which wins (the
    /// typing began then); `parsed` is the field's rule applied to the whole text.
    pub fn key<T, E>(
        &mut self,
        stored: impl FnOnce() -> V,
        pending: Option<V>,
        parsed: Result<T, E>,
    ) -> Step<T, E, V> {
        let before = match (pending, self.before.take()) {
            (Some(p), _) => p,
            (None, Some(b)) => b,
            (None, None) => stored(),
        };
        self.before = Some(before.clone());
        match parsed {
            Ok(value) => Step::Commit(value),
            Err(error) => Step::Unsaved { error, before },
        }
    }

    /// The field lost focus: the next keystroke starts a new typing.
    pub fn end(&mut self) {
        self.before = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn years() {
        assert_eq!(year("2025"), Ok(2025));
        assert_eq!(year(" 1900 "), Ok(1900));
        for not in ["", "2", "20", "202", "20x5", "20244", "1899", "2201", "2024,5"] {
            assert_eq!(year(not), Err(TypedError::NotAYear), "{not}");
        }
    }

    #[test]
    fn targets_and_realisasi() {
        for ok in [
            "",
            "8",
            "82",
            "82,5",
            "82,5%",
            "82,5 %",
            "8 kali",
            "8 k",
            "2 Lap",
            "80–90",
            "80–90%",
            "80 - 90 %",
            "12 Satker (Provinsi/Kabupaten/Kota)",
            "WTP",
            "W",
            "Baik",
            "sekitar sembilan puluh",
            "-5%",
        ] {
            assert_eq!(target(ok), Ok(()), "{ok}");
        }
        for half in ["82,", "82.", "1.2.3", "80–", "80–9", "80 -", "82,5%x", "75% dari target", "8,5,"] {
            assert_eq!(target(half), Err(TypedError::TargetUnread), "{half}");
        }
    }

    #[test]
    fn band_bounds() {
        assert_eq!(band("90"), Ok(dec!(90)));
        assert_eq!(band("87,5"), Ok(dec!(87.5)));
        assert_eq!(band("90 %"), Ok(dec!(90)));
        assert_eq!(band("90%"), Ok(dec!(90)));
        for not in ["", "abc", "9,", "-5", "%"] {
            assert_eq!(band(not), Err(TypedError::NotANumber), "{not}");
        }
    }

    #[test]
    fn a_session_remembers_the_value_before_typing_began() {
        let mut s = Session::default();
        // Stored 7; `1` commits, `1,` does not: the value to put back is 7, not 1.
        assert_eq!(s.key(|| 7, None, Ok::<_, ()>(1)), Step::Commit(1));
        assert_eq!(s.key(|| 1, None, Err::<i32, _>(())), Step::Unsaved { error: (), before: 7 });
        // Unsaved text left earlier in the field keeps its value to put back.
        s.end();
        assert_eq!(s.key(|| 1, Some(7), Err::<i32, _>(())), Step::Unsaved { error: (), before: 7 });
        // A new typing after the field was left with a saved value starts from that value.
        s.end();
        assert_eq!(s.key(|| 3, None, Err::<i32, _>(())), Step::Unsaved { error: (), before: 3 });
    }

    #[test]
    fn restoring_a_value_puts_it_back() {
        use crate::core::model::testing::{agreement, line};
        let mut a = agreement("a", None, 2024);
        a.budget.push(line("Program Dukungan Manajemen", "1.000"));
        let amount = Amount::Value(dec!(5000));
        assert!(FieldValue::Amount { line: 0, amount: amount.clone() }.restore(&mut a));
        assert_eq!(a.budget[0].amount, amount);
        assert!(!FieldValue::Amount { line: 0, amount }.restore(&mut a), "nothing to put back");
        assert!(FieldValue::Year(2031).restore(&mut a));
        assert_eq!(a.year, 2031);
    }
}
