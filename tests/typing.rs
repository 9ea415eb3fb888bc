//! Typing a field character by character never stores a half-typed value: after every keystroke the
//! stored value is the last text that was understood whole (or the value from before the typing when
//! none was), unsaved text is kept exactly when the text is not understood, and discarding it puts back
//! the value from before the typing. A well-formed amount typed key by key ends with its exact value.

use kinerja::core::model::Amount;
use kinerja::core::typed::{self, Session, Step};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// A field as the app runs it: the stored value, the unsaved text with the value to put back, and the
/// typing session (`core::typed::Session`, the same one the UI's fields use).
struct Field<V> {
    stored: V,
    unsaved: Option<(String, V)>,
    session: Session<V>,
}

impl<V: Clone + PartialEq + std::fmt::Debug> Field<V> {
    fn new(stored: V) -> Self {
        Self { stored, unsaved: None, session: Session::default() }
    }

    fn key<E>(&mut self, text: &str, parse: &impl Fn(&str) -> Result<V, E>) {
        let stored = self.stored.clone();
        let pending = self.unsaved.as_ref().map(|(_, before)| before.clone());
        match self.session.key(|| stored, pending, parse(text)) {
            Step::Commit(v) => {
                self.unsaved = None;
                self.stored = v;
            }
            Step::Unsaved { before, .. } => self.unsaved = Some((text.to_string(), before)),
        }
    }

    fn discard(&mut self) {
        if let Some((_, before)) = self.unsaved.take() {
            self.stored = before;
        }
    }
}

/// Types `text` into a field holding `original` character by character (leaving the field half way
/// when `leave_at` says so), checking the rule after every keystroke; then discards.
fn check_typing<V: Clone + PartialEq + std::fmt::Debug, E>(
    original: V,
    text: &str,
    leave_at: Option<usize>,
    parse: impl Fn(&str) -> Result<V, E>,
) {
    let mut field = Field::new(original.clone());
    let mut last_understood: Option<V> = None;
    let mut prefix = String::new();
    // The value held when the typing that left the unsaved text began.
    let mut began_with = original.clone();
    for (n, c) in text.chars().enumerate() {
        if leave_at == Some(n) {
            field.session.end();
        }
        if (n == 0 || leave_at == Some(n)) && field.unsaved.is_none() {
            began_with = field.stored.clone();
        }
        prefix.push(c);
        field.key(&prefix, &parse);
        let parsed = parse(&prefix);
        if let Ok(v) = &parsed {
            last_understood = Some(v.clone());
        }
        let expected = last_understood.clone().unwrap_or_else(|| original.clone());
        assert_eq!(field.stored, expected, "after typing {prefix:?}");
        assert_eq!(
            field.unsaved.as_ref().map(|(t, _)| t.as_str()),
            parsed.is_err().then_some(prefix.as_str()),
            "unsaved text after typing {prefix:?}"
        );
    }
    if field.unsaved.is_some() {
        field.discard();
        assert_eq!(
            field.stored, began_with,
            "discarding {prefix:?} puts back the value from before the typing"
        );
    }
}

fn amount(text: &str) -> Result<Amount, kinerja::core::model::AmountError> {
    Amount::parse(text)
}

/// Characters people type into amounts, targets and years, and some they should not.
fn typed_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop::sample::select(vec![
            '0', '1', '2', '5', '9', '.', ',', ' ', 'R', 'p', 'M', 'T', 'j', 't', 'u', 'a', 'm', 'i', 'l',
            'r', 'b', '-', '–', '%', 'x', 'W', 'L', 'k', 'ü',
        ]),
        0..18,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text_stores_the_last_understood_amount(text in typed_text(), leave in proptest::option::of(0usize..18)) {
        check_typing(Amount::Value(Decimal::from(777_000_000_i64)), &text, leave, amount);
    }

    #[test]
    fn any_text_stores_the_last_understood_target(text in typed_text()) {
        check_typing("90%".to_string(), &text, None, |t: &str| typed::target(t).map(|()| t.to_string()));
    }

    #[test]
    fn any_text_stores_the_last_understood_year(text in typed_text()) {
        check_typing(2024, &text, None, typed::year);
    }

    #[test]
    fn any_text_stores_the_last_understood_band(text in typed_text()) {
        check_typing(Decimal::from(90), &text, None, typed::band);
    }

    /// `Rp 1,5 M`, `250 juta`, `12.500.000`: whatever the prefixes did, the whole text's exact value is
    /// stored at the end (computed here with integers, not through the parser).
    #[test]
    fn a_well_formed_amount_typed_key_by_key_ends_exact(
        whole in 0u64..1_000_000,
        frac in proptest::option::of((1usize..=2, 0u64..100)),
        scale in 0usize..7,
        rp in any::<bool>(),
        grouped in any::<bool>(),
    ) {
        let scales: [(&str, u32); 7] = [("", 0), (" rb", 3), (" jt", 6), (" juta", 6), (" M", 9), (" miliar", 9), ("T", 12)];
        let (word, power) = scales[scale];
        // A fraction only with a scale (whole Rupiah), of 1 or 2 digits (3 would read two ways).
        let frac = if power == 0 { None } else { frac.map(|(digits, v)| (digits, v % 10_u64.pow(digits as u32))) };
        let digits = whole.to_string();
        // Without a scale the figure may be written with thousands dots (12.500.000).
        let number = if grouped && power == 0 {
            let mut out = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    out.push('.');
                }
                out.push(c);
            }
            out
        } else {
            digits.clone()
        };
        let frac_text = frac.map(|(d, v)| format!(",{v:0d$}")).unwrap_or_default();
        let text = format!("{}{number}{frac_text}{word}", if rp { "Rp " } else { "" });
        let mut expected = i128::from(whole) * 10_i128.pow(power);
        if let Some((d, v)) = frac {
            expected += i128::from(v) * 10_i128.pow(power - d as u32);
        }
        let mut field = Field::new(Amount::Dash);
        let mut prefix = String::new();
        for c in text.chars() {
            prefix.push(c);
            field.key(&prefix, &amount);
        }
        prop_assert_eq!(field.unsaved, None, "{} is understood", text);
        prop_assert_eq!(field.stored, Amount::Value(Decimal::from_i128_with_scale(expected, 0)), "{}", text);
    }
}

#[test]
fn rp_1_5_m_typed_key_by_key_replaces_the_stored_amount() {
    // Stored Rp 777.000.000; `Rp 1,5 M` typed key by key.
    let original = Amount::Value(Decimal::from(777_000_000_i64));
    let mut field = Field::new(original.clone());
    let mut prefix = String::new();
    let mut seen = Vec::new();
    for c in "Rp 1,5 M".chars() {
        prefix.push(c);
        field.key(&prefix, &amount);
        seen.push((prefix.clone(), field.stored.clone(), field.unsaved.is_some()));
    }
    let v = |n: i64| Amount::Value(Decimal::from(n));
    assert_eq!(
        seen,
        vec![
            ("R".into(), original.clone(), true),
            ("Rp".into(), original.clone(), true),
            ("Rp ".into(), original.clone(), true),
            ("Rp 1".into(), v(1), false),
            ("Rp 1,".into(), v(1), true),
            ("Rp 1,5".into(), v(1), true),
            ("Rp 1,5 ".into(), v(1), true),
            ("Rp 1,5 M".into(), v(1_500_000_000), false),
        ]
    );
    // Stopped at `Rp 1,5` and discarded: the amount from before the typing is back.
    let mut field = Field::new(original.clone());
    let mut prefix = String::new();
    for c in "Rp 1,5".chars() {
        prefix.push(c);
        field.key(&prefix, &amount);
    }
    field.discard();
    assert_eq!(field.stored, original);
}
