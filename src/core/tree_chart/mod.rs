//! The *pohon kinerja*: the cascade of a year (or one PK and everything below it) as boxes and lines,
//! ready to draw. Each PK is a box (position, name, total budget, what the rollup flags, the predikat of
//! the latest quarter reported); an expanded PK lists its sasaran and indicators (with the capaian of
//! each quarter), and lines then follow the indicator links. Every mark has its words: colour is never
//! the only sign. What a mark says is a value ([`Said`]); `core::text::tree` puts it into words
//! ([`Words`]) before the boxes are sized. Pure: the page draws it as SVG, the tests check it natively.

mod facts;
pub mod layout;
pub mod svg;
pub mod tiles;
pub mod view;

use crate::core::measure::summary::summary;
use crate::core::measure::table::table;
use crate::core::measure::Quarter;
use crate::core::model::status::Status;
use crate::core::model::{AgreementId, IndicatorId, Target, Workspace};
use crate::core::rollup::{rollup, BudgetStatus};
pub use facts::{facts, too_large, Facts, MAX_BOXES};
use layout::{Item, Place};
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

/// Box width; text is wrapped to fit it.
pub const BOX_WIDTH: f64 = 260.0;
const PAD: f64 = 10.0;
const LINE: f64 = 16.0;
/// Characters per line at the box's font size (a conservative estimate for 13 px sans-serif).
const CHARS: usize = 30;
/// The same for the marks, which are bold.
const MARK_CHARS: usize = 27;

/// What is wrong (or how it went), shown as a coloured mark with its words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarkKind {
    NotCascaded,
    Orphan,
    TargetDiffers,
    BudgetOver,
    BudgetUnder,
    /// A predikat: its position in the bands (0 = the best).
    Predikat(usize),
    NotAssessable,
    /// The PK's status in the overview (staff only): whether it needs work.
    Status {
        needs_work: bool,
    },
}

impl MarkKind {
    /// The class the drawing colours it by.
    pub fn class(&self) -> String {
        match self {
            MarkKind::NotCascaded => "not-cascaded".into(),
            MarkKind::Orphan => "orphan".into(),
            MarkKind::TargetDiffers => "target-differs".into(),
            MarkKind::BudgetOver => "budget-over".into(),
            MarkKind::BudgetUnder => "budget-under".into(),
            MarkKind::Predikat(n) => format!("predikat-{n}"),
            MarkKind::NotAssessable => "not-assessable".into(),
            MarkKind::Status { needs_work: true } => "status-work".into(),
            MarkKind::Status { needs_work: false } => "status-done".into(),
        }
    }
}

/// What a mark says, before it is put into words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Said {
    /// How many of the PK's indicators no lower PK carries.
    NotCascaded(usize),
    /// How many lower PKs' indicators name no indicator of this PK.
    Orphans(usize),
    /// How many indicators have targets that differ below.
    TargetDiffers(usize),
    /// A program whose lower PKs together hold more (`over`) or less than its amount, by `amount`.
    Budget { over: bool, program: String, amount: Decimal },
    /// The latest quarter reported: how many indicators fall in each predikat band (bands in order,
    /// empty ones included), and how many cannot be assessed.
    Capaian { quarter: Quarter, per_predikat: Vec<(String, usize)>, not_assessable: usize },
    /// This indicator is carried by no lower PK.
    RowNotCascaded,
    /// This indicator's target differs below.
    RowTargetDiffers,
    /// An indicator's capaian for each quarter through the latest reported; `None`: not reported.
    ByQuarter(Vec<(Quarter, Option<Decimal>)>),
    /// The PK's stage and what is left to complete (the overview's one definition).
    Status(Status),
}

/// The chart's words in the reader's language (`core::text::tree` gives them).
pub trait Words {
    /// What a mark says.
    fn mark(&self, said: &Said) -> String;
    /// The first party's name, or that the document gives none.
    fn name(&self, name: &str) -> String;
    /// A box's total budget line.
    fn budget(&self, amount: Decimal) -> String;
    /// An indicator's line: its number, text and target.
    fn indicator(&self, number: &str, text: &str, target: &Target) -> String;
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    pub kind: MarkKind,
    pub text: String,
}

/// A sasaran or indicator line inside an expanded box.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// `None` for a sasaran.
    pub indicator: Option<IndicatorId>,
    pub lines: Vec<String>,
    /// From the box's top.
    pub y: f64,
    pub height: f64,
    pub marks: Vec<Mark>,
}

/// One PK.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub id: AgreementId,
    pub parent: Option<AgreementId>,
    /// The position, wrapped.
    pub title: Vec<String>,
    pub name: String,
    pub budget: String,
    pub marks: Vec<Mark>,
    pub expanded: bool,
    pub rows: Vec<Row>,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub stacked: bool,
}

/// A line: parent PK to child PK, or parent indicator to the child indicator carrying it.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    pub from: AgreementId,
    pub to: AgreementId,
    /// SVG path data.
    pub path: String,
    pub indicator: bool,
}

/// The whole picture.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub width: f64,
    pub height: f64,
}

/// A list of parts joined by ` · ` (the quarters of an indicator) wrapped to `width` characters, breaking
/// between parts where it can (`TW I 50,00% · TW II 80,00%` never splits `TW II` from its figure).
pub fn wrap_parts(text: &str, width: usize) -> Vec<String> {
    const SEP: &str = " · ";
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for part in text.split(SEP) {
        let joined = line.chars().count() + SEP.chars().count() + part.chars().count();
        if !line.is_empty() && joined > width {
            lines.push(std::mem::take(&mut line));
        }
        if line.is_empty() {
            line = part.to_string();
        } else {
            line.push_str(SEP);
            line.push_str(part);
        }
        if line.chars().count() > width {
            let mut wrapped = wrap(&line, width);
            line = wrapped.pop().unwrap_or_default();
            lines.extend(wrapped);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Greedy word wrap at `width` characters (a word longer than a line is cut).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_string();
        while word.chars().count() > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let head: String = word.chars().take(width).collect();
            word = word.chars().skip(width).collect();
            lines.push(head);
        }
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn n(x: f64) -> String {
    format!("{}", (x * 10.0).round() / 10.0)
}

/// The sasaran and indicator lines of an opened PK (with the capaian of each quarter reported), from
/// `top` down; returns them and where they end.
fn rows(
    ws: &Workspace,
    a: &crate::core::model::Agreement,
    facts: &Facts,
    flags: &(HashSet<IndicatorId>, HashSet<IndicatorId>),
    top: f64,
    words: &dyn Words,
) -> (Vec<Row>, f64) {
    let mut height = top + PAD / 2.0;
    let quarters: Vec<crate::core::measure::table::Table> = Quarter::ALL
        .into_iter()
        .filter(|q| facts.quarter.is_some_and(|last| q.number() <= last.number()))
        .map(|q| table(ws, a, q))
        .collect();
    let mut rows = Vec::new();
    for (si, o) in a.objectives.iter().enumerate() {
        let lines = wrap(&format!("{}. {}", si + 1, o.text), CHARS);
        let h = LINE * lines.len() as f64 + 4.0;
        rows.push(Row { indicator: None, lines, y: height, height: h, marks: Vec::new() });
        height += h;
        for (ii, i) in o.indicators.iter().enumerate() {
            let text = words.indicator(&format!("{}.{}", si + 1, ii + 1), &i.text, &i.target);
            let lines = wrap(&text, CHARS - 2);
            let mut row_marks = Vec::new();
            if flags.0.contains(&i.id) {
                row_marks.push(Mark { kind: MarkKind::NotCascaded, text: words.mark(&Said::RowNotCascaded) });
            }
            if flags.1.contains(&i.id) {
                row_marks
                    .push(Mark { kind: MarkKind::TargetDiffers, text: words.mark(&Said::RowTargetDiffers) });
            }
            // Each quarter through the latest reported: its capaian, or that it is not reported (never
            // an earlier quarter's figure); an indicator with nothing reported gets no line.
            let mut reported = false;
            let by_quarter: Vec<(Quarter, Option<Decimal>)> = quarters
                .iter()
                .filter_map(|t| {
                    let row = t.rows.iter().find(|r| r.id == i.id)?;
                    let value = match row.capaian.percent() {
                        Some(p) => Some(p),
                        None if row.missing => None,
                        None => return None,
                    };
                    reported |= !row.missing;
                    Some((t.quarter, value))
                })
                .collect();
            let by_quarter = if reported { by_quarter } else { Vec::new() };
            if !by_quarter.is_empty() {
                let last = quarters.last().and_then(|t| t.rows.iter().find(|r| r.id == i.id));
                let kind = last.and_then(|r| r.band).map_or(MarkKind::NotAssessable, MarkKind::Predikat);
                row_marks.push(Mark { kind, text: words.mark(&Said::ByQuarter(by_quarter)) });
            }
            // A row's mark wraps inside the box like every other line (the quarters' line ran past its
            // border): a mark of several lines is one mark per line.
            let row_marks: Vec<Mark> = row_marks
                .into_iter()
                .flat_map(|m| {
                    let kind = m.kind;
                    wrap_parts(&m.text, MARK_CHARS)
                        .into_iter()
                        .map(move |text| Mark { kind: kind.clone(), text })
                })
                .collect();
            let h = LINE * (lines.len() + row_marks.len()) as f64 + 4.0;
            rows.push(Row { indicator: Some(i.id.clone()), lines, y: height, height: h, marks: row_marks });
            height += h;
        }
    }
    (rows, height + PAD)
}

/// The picture: the PKs in `expanded` opened to their indicators, everything laid out and linked.
pub fn arrange(ws: &Workspace, facts: &Facts, expanded: &HashSet<AgreementId>, words: &dyn Words) -> Chart {
    let mut nodes = facts.nodes.clone();
    for (node, flags) in nodes.iter_mut().zip(&facts.flagged) {
        let Some(a) = expanded.contains(&node.id).then(|| ws.agreement(&node.id)).flatten() else { continue };
        let (rows, height) = rows(ws, a, facts, flags, node.height, words);
        node.rows = rows;
        node.height = height;
        node.expanded = true;
    }
    let mut items: Vec<Item> =
        nodes.iter().map(|n| Item { width: n.width, height: n.height, children: Vec::new() }).collect();
    let position: HashMap<AgreementId, usize> =
        nodes.iter().enumerate().map(|(i, n)| (n.id.clone(), i)).collect();
    let mut roots = Vec::new();
    for (i, n) in nodes.iter().enumerate() {
        match n.parent.as_ref().and_then(|p| position.get(p)) {
            Some(&p) => items[p].children.push(i),
            None => roots.push(i),
        }
    }
    let places: Vec<Place> = layout::layout(&items, &roots);
    let (mut width, mut height) = (0.0f64, 0.0f64);
    for (node, p) in nodes.iter_mut().zip(&places) {
        node.x = p.x;
        node.y = p.y;
        node.stacked = p.stacked;
        width = width.max(p.x + node.width);
        height = height.max(p.y + node.height);
    }
    let edges = edges(ws, &nodes, &position);
    Chart { nodes, edges, width, height }
}

/// The picture of `year` (or `root` and its subtree), with the PKs in `expanded` opened to their
/// indicators.
pub fn chart(
    ws: &Workspace,
    year: i32,
    root: Option<&AgreementId>,
    expanded: &HashSet<AgreementId>,
    words: &dyn Words,
) -> Chart {
    arrange(ws, &facts(ws, year, root, words), expanded, words)
}

/// Parent-to-child lines; between two expanded PKs, one line per linked indicator.
fn edges(ws: &Workspace, nodes: &[Node], position: &HashMap<AgreementId, usize>) -> Vec<Edge> {
    let mut out = Vec::new();
    for child in nodes {
        let Some(parent) = child.parent.as_ref().and_then(|p| position.get(p)).map(|&i| &nodes[i]) else {
            continue;
        };
        let row_y = |n: &Node, id: &IndicatorId| {
            n.rows.iter().find(|r| r.indicator.as_ref() == Some(id)).map(|r| n.y + r.y + LINE / 2.0 + 2.0)
        };
        let links: Vec<(f64, f64)> = if parent.expanded || child.expanded {
            ws.agreement(&child.id)
                .map(|a| {
                    a.indicators()
                        .filter_map(|(_, i)| {
                            let link = i.parent.as_ref()?;
                            parent
                                .rows
                                .iter()
                                .any(|r| r.indicator.as_ref() == Some(&link.id))
                                .then_some(())?;
                            let from = row_y(parent, &link.id).unwrap_or(parent.y + parent.height);
                            let to = row_y(child, &i.id).unwrap_or(child.y + 12.0);
                            Some((from, to))
                        })
                        .collect()
                })
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let linked_rows = parent.expanded && !links.is_empty();
        if linked_rows {
            for (from, to) in links {
                // From the parent's indicator row (its right edge) to the child's row (its left edge).
                let (x1, x2) = (parent.x + parent.width, child.x);
                let bend = (x2 - x1).abs().max(40.0) / 2.0;
                let (c1, c2) = (x1 + bend, x2 - bend);
                out.push(Edge {
                    from: parent.id.clone(),
                    to: child.id.clone(),
                    path: format!(
                        "M{} {} C{} {} {} {} {} {}",
                        n(x1),
                        n(from),
                        n(c1),
                        n(from),
                        n(c2),
                        n(to),
                        n(x2),
                        n(to)
                    ),
                    indicator: true,
                });
            }
            continue;
        }
        let path = if child.stacked {
            // Down the side of the column, then into the box.
            let x = parent.x + layout::STACK_INDENT / 2.0;
            let y = child.y + 18.0;
            format!("M{} {} V{} H{}", n(x), n(parent.y + parent.height), n(y), n(child.x))
        } else {
            let (x1, y1) = (parent.x + parent.width / 2.0, parent.y + parent.height);
            let (x2, y2) = (child.x + child.width / 2.0, child.y);
            let mid = y2 - layout::GAP_Y / 2.0;
            format!("M{} {} V{} H{} V{}", n(x1), n(y1), n(mid), n(x2), n(y2))
        };
        out.push(Edge { from: parent.id.clone(), to: child.id.clone(), path, indicator: false });
    }
    out
}

#[cfg(test)]
mod tests;
