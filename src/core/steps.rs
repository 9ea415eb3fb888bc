//! Long lists drawn in steps: the entries that fill a screen at once, then a step more after each pause,
//! so that a switch of page shows its first screen within a frame and a national year (5 520 PKs, over
//! a second to draw at once) never holds the page for long. Entries are in document order; a tree is in
//! pre-order, so every step extends what is drawn downwards and a parent is drawn before its children.
//!
//! A list longer than [`READER_PACED_OVER`] (a national year) is drawn as its reader goes: a step more
//! when the end of the page comes near, or on request, instead of all of it in the background. Drawn
//! whole, 5 520 cards took half a minute and made the page slow to change or leave.

use std::ops::Range;

/// How a list is cut: `first` entries at once, then `size` more per step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StepPlan {
    pub first: usize,
    pub size: usize,
}

/// Lists of more entries than this are drawn as the reader goes; shorter ones (a province year, 120
/// PKs; the largest province, under 300) are drawn whole, a step after each pause. The same bound as
/// the pohon kinerja's ([`crate::core::tree_chart::MAX_BOXES`]).
pub const READER_PACED_OVER: usize = 400;

/// Whether a list of `count` entries is drawn as its reader goes.
pub fn paced_by_reader(count: usize) -> bool {
    count > READER_PACED_OVER
}

impl StepPlan {
    /// How many of a list of `count` entries are drawn once its first `reached` steps are.
    pub fn shown(&self, reached: usize, count: usize) -> usize {
        match reached {
            0 => 0,
            r => (self.first + (r - 1) * self.size.max(1)).min(count),
        }
    }

    /// The step (0 = at once) in which entry `index` is drawn.
    pub fn step_of(&self, index: usize) -> usize {
        match index.checked_sub(self.first) {
            None => 0,
            Some(after) => 1 + after / self.size.max(1),
        }
    }

    /// How many steps a list of `count` entries takes (one, drawn at once, when it is short or empty).
    pub fn steps(&self, count: usize) -> usize {
        if count == 0 {
            1
        } else {
            self.step_of(count - 1) + 1
        }
    }

    /// The entries drawn in each step of a list of `count`.
    pub fn ranges(&self, count: usize) -> Vec<Range<usize>> {
        (0..self.steps(count))
            .map(|s| {
                let from = if s == 0 { 0 } else { self.first + (s - 1) * self.size.max(1) };
                let to = if s == 0 { self.first } else { from + self.size.max(1) };
                from.min(count)..to.min(count)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_screen_at_once_then_equal_steps() {
        let plan = StepPlan { first: 3, size: 4 };
        // 0 1 2 | 3 4 5 6 | 7 8 9 10 | 11
        assert_eq!(plan.step_of(0), 0);
        assert_eq!(plan.step_of(2), 0);
        assert_eq!(plan.step_of(3), 1);
        assert_eq!(plan.step_of(6), 1);
        assert_eq!(plan.step_of(7), 2);
        assert_eq!(plan.step_of(11), 3);
        assert_eq!(plan.steps(12), 4);
        assert_eq!(plan.ranges(12), vec![0..3, 3..7, 7..11, 11..12]);
    }

    #[test]
    fn short_and_empty_lists_are_one_step() {
        let plan = StepPlan { first: 12, size: 24 };
        assert_eq!(plan.steps(0), 1);
        assert_eq!(plan.ranges(0), vec![0..0]);
        assert_eq!(plan.steps(12), 1);
        assert_eq!(plan.ranges(5), vec![0..5]);
        // The 120 PKs of a province year: 12 at once, then four steps of 24 and one of 12.
        assert_eq!(plan.steps(120), 6);
        assert_eq!(plan.ranges(120).last(), Some(&(108..120)));
    }

    #[test]
    fn entries_shown_after_each_step() {
        let plan = StepPlan { first: 3, size: 4 };
        assert_eq!(plan.shown(0, 12), 0);
        assert_eq!(plan.shown(1, 12), 3);
        assert_eq!(plan.shown(2, 12), 7);
        assert_eq!(plan.shown(3, 12), 11);
        assert_eq!(plan.shown(4, 12), 12);
        assert_eq!(plan.shown(9, 12), 12, "never more than the list");
        assert_eq!(plan.shown(1, 2), 2);
        // The same as the ranges drawn.
        let ranges = plan.ranges(12);
        for reached in 1..=ranges.len() {
            assert_eq!(plan.shown(reached, 12), ranges[reached - 1].end);
        }
    }

    #[test]
    fn a_national_year_is_paced_by_its_reader_a_province_year_is_not() {
        assert!(!paced_by_reader(120), "a province year");
        assert!(!paced_by_reader(READER_PACED_OVER));
        assert!(paced_by_reader(READER_PACED_OVER + 1));
        assert!(paced_by_reader(5520), "a national year");
        assert_eq!(READER_PACED_OVER, crate::core::tree_chart::MAX_BOXES);
    }

    #[test]
    fn every_entry_is_in_the_range_of_its_step() {
        let plan = StepPlan { first: 5, size: 7 };
        let ranges = plan.ranges(100);
        for i in 0..100 {
            assert!(ranges[plan.step_of(i)].contains(&i), "entry {i}");
        }
        assert_eq!(ranges.iter().map(|r| r.len()).sum::<usize>(), 100);
    }
}
