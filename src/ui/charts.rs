//! Small pictures beside the figures (each with its words for screen readers, never colour alone):
//! four quarters as bars, and a PK's own budget against its lower PKs'.

use crate::core::i18n::Lang;
use crate::core::measure::series;
use crate::core::text;
use leptos::prelude::*;
use rust_decimal::Decimal;

const BAR: u32 = 8;
const GAP: u32 = 3;
const HEIGHT: u32 = 24;

/// TW I–IV as four bars on a scale up to `ceiling` %.
pub fn quarter_bars(values: [Option<Decimal>; 4], ceiling: Decimal, lang: Lang) -> impl IntoView {
    let heights = series::bars(values, ceiling, HEIGHT);
    let width = 4 * BAR + 3 * GAP;
    view! {
        <svg class="mini-chart" width=width height=HEIGHT + 2 viewBox=format!("0 0 {width} {}", HEIGHT + 2)
            role="img" aria-label=text::chart_words(values, lang)>
            <line class="axis" x1="0" x2=width y1=HEIGHT + 1 y2=HEIGHT + 1/>
            {heights.into_iter().enumerate().map(|(n, h)| {
                let missing = values[n].is_none();
                view! {
                    <rect class=if missing { "bar missing" } else { "bar" } x=n as u32 * (BAR + GAP)
                        y=HEIGHT + 1 - h.max(1) width=BAR height=h.max(1)/>
                }
            }).collect_view()}
        </svg>
    }
}

/// A PK's own amount of a program and its lower PKs' sum, as two bars on one scale.
pub fn budget_bar(own: Decimal, children: Decimal, lang: Lang) -> impl IntoView {
    const W: u32 = 120;
    let top = own.max(children).max(Decimal::ONE);
    let len = |v: Decimal| -> u32 {
        (v.max(Decimal::ZERO) * Decimal::from(W) / top).round().to_string().parse().unwrap_or(0)
    };
    let (a, b) = (len(own), len(children));
    let class = if own == children {
        "children same"
    } else if children > own {
        "children over"
    } else {
        "children under"
    };
    view! {
        <svg class="budget-bar" width=W height="18" viewBox=format!("0 0 {W} 18") role="img"
            aria-label=text::chart_budget_words(own, children, lang)>
            <rect class="own" x="0" y="1" width=a.max(1) height="7"/>
            <rect class=class x="0" y="10" width=b.max(1) height="7"/>
        </svg>
    }
}
