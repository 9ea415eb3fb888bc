//! The pohon kinerja's words: what each mark says, the name and budget lines of a box, an indicator's
//! line ([`crate::core::tree_chart::Words`]).

use crate::core::format;
use crate::core::i18n::{fill, Lang, Msg};
use crate::core::model::Target;
use crate::core::tree_chart::Said;
use rust_decimal::Decimal;

/// The chart's words in one language.
#[derive(Clone, Copy, Debug)]
pub struct TreeWords(pub Lang);

/// The same words for the public view: a name the document does not give is said so, not "to fill in".
#[derive(Clone, Copy, Debug)]
pub struct PublicTreeWords(pub Lang);

impl crate::core::tree_chart::Words for PublicTreeWords {
    /// A budget difference in plain words (what the agreements below get); the rest as staff read it.
    fn mark(&self, said: &Said) -> String {
        match said {
            Said::Budget { over, program, amount } => {
                let msg = if *over { Msg::TreeBudgetOverPublic } else { Msg::TreeBudgetUnderPublic };
                fill(msg.text(self.0), &[("program", program), ("amount", &format::rupiah(*amount, self.0))])
            }
            other => TreeWords(self.0).mark(other),
        }
    }

    fn name(&self, name: &str) -> String {
        super::name_shown(name, self.0, true)
    }

    fn budget(&self, amount: Decimal) -> String {
        TreeWords(self.0).budget(amount)
    }

    fn indicator(&self, number: &str, text: &str, target: &Target) -> String {
        TreeWords(self.0).indicator(number, text, target)
    }
}

impl crate::core::tree_chart::Words for TreeWords {
    fn mark(&self, said: &Said) -> String {
        let lang = self.0;
        let count = |n: usize, msg: Msg| fill(msg.text(lang), &[("n", &n.to_string())]);
        match said {
            Said::NotCascaded(n) => count(*n, Msg::TreeNotCascaded),
            Said::Orphans(n) => count(*n, Msg::TreeOrphans),
            Said::TargetDiffers(n) => count(*n, Msg::TreeTargetDiffers),
            Said::Budget { over, program, amount } => {
                let msg = if *over { Msg::TreeBudgetOver } else { Msg::TreeBudgetUnder };
                fill(msg.text(lang), &[("program", program), ("amount", &format::rupiah(*amount, lang))])
            }
            Said::Capaian { quarter, per_predikat, not_assessable } => {
                let mut parts: Vec<String> =
                    per_predikat.iter().filter(|(_, n)| *n > 0).map(|(l, n)| format!("{n} {l}")).collect();
                if *not_assessable > 0 {
                    parts.push(count(*not_assessable, Msg::TreeNotAssessed));
                }
                fill(
                    Msg::TreeCapaian.text(lang),
                    &[("quarter", &super::quarter(*quarter, lang)), ("counts", &parts.join(", "))],
                )
            }
            Said::RowNotCascaded => Msg::TreeRowNotCascaded.text(lang).into(),
            Said::RowTargetDiffers => Msg::TreeRowTargetDiffers.text(lang).into(),
            Said::ByQuarter(values) => values
                .iter()
                .map(|(q, v)| {
                    let value = v.map_or_else(
                        || Msg::ChartNoValue.text(lang).to_string(),
                        |p| format::percent2(p, lang),
                    );
                    format!("{} {value}", super::quarter(*q, lang))
                })
                .collect::<Vec<_>>()
                .join(" · "),
            Said::Status(status) => super::life::status_line(status, lang),
        }
    }

    fn name(&self, name: &str) -> String {
        super::name_or_placeholder(name, self.0)
    }

    fn budget(&self, amount: Decimal) -> String {
        fill(Msg::TreeBudget.text(self.0), &[("amount", &format::rupiah(amount, self.0))])
    }

    fn indicator(&self, number: &str, text: &str, target: &Target) -> String {
        format!("{number} {text} — {}", target.display(self.0))
    }
}
