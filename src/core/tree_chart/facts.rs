//! What the pohon kinerja shows of each PK before any is opened (its box, marks and flagged
//! indicators), and whether a tree is too large to draw at all. The costly part of the chart, worked
//! out once; [`super::arrange`] lays it out for any set of opened PKs.

use super::*;

/// What the picture shows of each PK before any is opened: its box, marks and which of its indicators
/// the rollup flags. The costly part (the rollup, the latest quarter's capaian), computed once for any
/// number of PKs opened and closed.
#[derive(Clone, Debug, PartialEq)]
pub struct Facts {
    pub(super) nodes: Vec<Node>,
    /// Per node: the indicators not cascaded, and those whose targets differ below.
    pub(super) flagged: Vec<(HashSet<IndicatorId>, HashSet<IndicatorId>)>,
    pub(super) quarter: Option<Quarter>,
}

/// PKs drawn at most as one tree. A national year (5 520 PKs) was more than the browser could hold: its
/// print pages each show the whole drawing. A province (120) is well inside.
pub const MAX_BOXES: usize = 400;

/// When the tree of `year` (or of `root`) has more than [`MAX_BOXES`] PKs: the PKs one level down to
/// choose from instead (the year's top PKs, or `root`'s own lower PKs), each with the number of PKs in
/// its tree; `None` when the tree can be drawn.
pub fn too_large(ws: &Workspace, year: i32, root: Option<&AgreementId>) -> Option<Vec<(AgreementId, usize)>> {
    // Counted first (the page asks on every change of the data): no tree is larger than the year, nor
    // a subtree larger than the workspace.
    let bound = match root {
        None => ws.agreements.iter().filter(|a| a.year == year).count(),
        Some(_) => ws.agreements.len(),
    };
    if bound <= MAX_BOXES {
        return None;
    }
    match root {
        None => {
            let rows = ws.cascade(year);
            if rows.len() <= MAX_BOXES {
                return None;
            }
            // The rows are in pre-order: each top PK is followed by its tree.
            let mut out: Vec<(AgreementId, usize)> = Vec::new();
            for r in &rows {
                match out.last_mut() {
                    Some(last) if r.depth > 0 => last.1 += 1,
                    _ => out.push((r.id.clone(), 1)),
                }
            }
            Some(out)
        }
        Some(root) => {
            if ws.subtree(root).len() <= MAX_BOXES {
                return None;
            }
            Some(ws.children(root).map(|c| (c.id.clone(), ws.subtree(&c.id).len())).collect())
        }
    }
}

/// The boxes of `year` (or `root` and its subtree), closed.
pub fn facts(ws: &Workspace, year: i32, root: Option<&AgreementId>, words: &dyn Words) -> Facts {
    let r = rollup(ws, year, root);
    let ids: Vec<AgreementId> = r.nodes.iter().map(|n| n.id.clone()).collect();
    let index: HashMap<&AgreementId, usize> = ids.iter().enumerate().map(|(i, id)| (id, i)).collect();
    let quarter = crate::core::measure::latest_reported(ids.iter().filter_map(|id| ws.agreement(id)));
    let mut nodes = Vec::new();
    let mut flagged = Vec::new();
    for node in &r.nodes {
        let Some(a) = ws.agreement(&node.id) else { continue };
        let mut marks = Vec::new();
        let mut mark = |kind: MarkKind, said: Said| marks.push(Mark { kind, text: words.mark(&said) });
        let not_cascaded = node.not_cascaded().count();
        if not_cascaded > 0 {
            mark(MarkKind::NotCascaded, Said::NotCascaded(not_cascaded));
        }
        if !node.orphans.is_empty() {
            mark(MarkKind::Orphan, Said::Orphans(node.orphans.len()));
        }
        let differs = node.target_differences().count();
        if differs > 0 {
            mark(MarkKind::TargetDiffers, Said::TargetDiffers(differs));
        }
        for p in node.budget_flags() {
            let over = matches!(p.status, BudgetStatus::OverAllocated);
            let kind = if over { MarkKind::BudgetOver } else { MarkKind::BudgetUnder };
            mark(kind, Said::Budget { over, program: p.program.clone(), amount: p.difference.abs() });
        }
        if let Some(q) = quarter {
            let t = table(ws, a, q);
            let s = summary(std::slice::from_ref(&t), &ws.settings);
            // The box takes the colour of its weakest indicator.
            let worst = t.rows.iter().filter_map(|r| r.band).max();
            let kind = worst.map_or(MarkKind::NotAssessable, MarkKind::Predikat);
            let said =
                Said::Capaian { quarter: q, per_predikat: s.per_predikat, not_assessable: s.not_assessable };
            mark(kind, said);
        }
        let title = wrap(a.title(), CHARS);
        let name = words.name(&a.first_party.name);
        let budget = words.budget(a.total_budget());
        let mut height = PAD * 2.0 + LINE * (title.len() + 2) as f64 + marks.len() as f64 * LINE;
        for m in &marks {
            height += LINE * (wrap(&m.text, MARK_CHARS).len() - 1) as f64;
        }
        flagged.push((
            node.not_cascaded().map(|c| c.id.clone()).collect(),
            node.target_differences().map(|c| c.id.clone()).collect(),
        ));
        nodes.push(Node {
            id: a.id.clone(),
            parent: a.parent.clone().filter(|p| index.contains_key(p)),
            title,
            name,
            budget,
            marks,
            expanded: false,
            rows: Vec::new(),
            x: 0.0,
            y: 0.0,
            width: BOX_WIDTH,
            height,
            stacked: false,
        });
    }
    Facts { nodes, flagged, quarter }
}

impl Facts {
    /// Each box says its PK's status as `live` holds it (the stage and what is left to complete,
    /// [`crate::core::model::status`]), first among its marks: the staff's tree, not the public's.
    pub fn with_status(&mut self, live: &Workspace, words: &dyn Words) {
        let links = crate::core::model::links::Links::new(live);
        for node in &mut self.nodes {
            let Some(status) = links.agreement(&node.id).map(|a| a.status()) else { continue };
            let kind = MarkKind::Status { needs_work: status.needs_work() };
            let text = words.mark(&Said::Status(status));
            node.height += LINE * wrap(&text, MARK_CHARS).len() as f64;
            node.marks.insert(0, Mark { kind, text });
        }
    }
}
