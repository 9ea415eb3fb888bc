//! A quarter of the year, the unit of everything measured (`measurement.rs`) and of the year's
//! deliverables (`calendar.rs`).

/// A quarter of the year: *triwulan* I to IV.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter(u8);

impl Quarter {
    pub const ALL: [Quarter; 4] = [Quarter(0), Quarter(1), Quarter(2), Quarter(3)];

    /// TW I is `Quarter::new(1)`; `None` outside 1–4.
    pub fn new(number: u8) -> Option<Quarter> {
        (1..=4).contains(&number).then(|| Quarter(number - 1))
    }

    /// 1 to 4.
    pub fn number(self) -> u8 {
        self.0 + 1
    }

    /// 0 to 3, for the per-quarter arrays.
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// `I`, `II`, `III`, `IV` (as in "TW II").
    pub fn roman(self) -> &'static str {
        ["I", "II", "III", "IV"][self.index()]
    }

    /// This quarter and the ones before it.
    pub fn to_date(self) -> impl Iterator<Item = Quarter> {
        Quarter::ALL.into_iter().take(self.index() + 1)
    }
}
