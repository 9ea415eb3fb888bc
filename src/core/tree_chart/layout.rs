//! A tidy layout of a forest of boxes: parents above their children and centred over them, siblings'
//! subtrees side by side without overlapping, and children that are all leaves stacked in one column
//! under their parent (as organisation charts do), which keeps a province's tree a few screens wide
//! instead of dozens.

/// One box to place: its size, and the boxes below it (indexes into the same list).
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub width: f64,
    pub height: f64,
    pub children: Vec<usize>,
}

/// Where a box went: its top-left corner.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Place {
    pub x: f64,
    pub y: f64,
    /// Stacked in a column under its parent (its line comes from the column's side).
    pub stacked: bool,
}

/// Space between siblings' subtrees.
pub const GAP_X: f64 = 32.0;
/// Space between a level and the next.
pub const GAP_Y: f64 = 56.0;
/// Space between stacked boxes, and their indent from the parent's left edge.
pub const STACK_GAP: f64 = 14.0;
pub const STACK_INDENT: f64 = 24.0;

struct Layout<'a> {
    items: &'a [Item],
    places: Vec<Place>,
    level_y: Vec<f64>,
    depth: Vec<usize>,
}

impl Layout<'_> {
    fn stacks(&self, i: usize) -> bool {
        let c = &self.items[i].children;
        c.len() > 1 && c.iter().all(|&k| self.items[k].children.is_empty())
    }

    fn subtree(&self, i: usize, out: &mut Vec<usize>) {
        out.push(i);
        for &c in &self.items[i].children {
            self.subtree(c, out);
        }
    }

    /// Places `i`'s subtree with its left edge at `left`; returns the right edge of the subtree.
    fn place(&mut self, i: usize, left: f64) -> f64 {
        let item = &self.items[i];
        let y = self.level_y[self.depth[i]];
        if item.children.is_empty() {
            self.places[i] = Place { x: left, y, stacked: false };
            return left + item.width;
        }
        if self.stacks(i) {
            self.places[i] = Place { x: left, y, stacked: false };
            let mut cy = y + item.height + STACK_GAP * 2.0;
            let mut right = left + item.width;
            for &c in &self.items[i].children.clone() {
                self.places[c] = Place { x: left + STACK_INDENT, y: cy, stacked: true };
                cy += self.items[c].height + STACK_GAP;
                right = right.max(left + STACK_INDENT + self.items[c].width);
            }
            return right;
        }
        let mut cursor = left;
        let mut right = left;
        for &c in &item.children.clone() {
            right = self.place(c, cursor);
            cursor = right + GAP_X;
        }
        let centre = |p: &Place, w: f64| p.x + w / 2.0;
        let (first, last) = (item.children[0], *item.children.last().unwrap_or(&item.children[0]));
        let mid = (centre(&self.places[first], self.items[first].width)
            + centre(&self.places[last], self.items[last].width))
            / 2.0;
        let mut x = mid - item.width / 2.0;
        if x < left {
            // The parent is wider than its children: move the children under it.
            let shift = left - x;
            let mut below = Vec::new();
            for &c in &item.children {
                self.subtree(c, &mut below);
            }
            for k in below {
                self.places[k].x += shift;
            }
            right += shift;
            x = left;
        }
        self.places[i] = Place { x, y, stacked: false };
        right.max(x + item.width)
    }
}

/// Places every box of the forest whose roots are `roots` (in order, side by side).
pub fn layout(items: &[Item], roots: &[usize]) -> Vec<Place> {
    let mut depth = vec![0usize; items.len()];
    let mut parent = vec![None; items.len()];
    let mut stack: Vec<usize> = roots.to_vec();
    let mut order = Vec::new();
    while let Some(i) = stack.pop() {
        order.push(i);
        for &c in &items[i].children {
            depth[c] = depth[i] + 1;
            parent[c] = Some(i);
            stack.push(c);
        }
    }
    let mut l = Layout { items, places: vec![Place::default(); items.len()], level_y: Vec::new(), depth };
    // Each level starts below the tallest box of the level above (stacked boxes are beside, not above).
    let levels = order.iter().map(|&i| l.depth[i]).max().map_or(0, |d| d + 1);
    let mut tallest = vec![0.0f64; levels];
    for &i in &order {
        let parent_stacks = parent[i].is_some_and(|p| l.stacks(p));
        if !parent_stacks {
            tallest[l.depth[i]] = tallest[l.depth[i]].max(items[i].height);
        }
    }
    let mut y = 0.0;
    for h in tallest {
        l.level_y.push(y);
        y += h + GAP_Y;
    }
    let mut left = 0.0;
    for &r in roots {
        left = l.place(r, left) + GAP_X;
    }
    l.places
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(width: f64, height: f64, children: &[usize]) -> Item {
        Item { width, height, children: children.to_vec() }
    }

    fn overlaps(items: &[Item], p: &[Place]) -> Option<(usize, usize)> {
        for a in 0..items.len() {
            for b in a + 1..items.len() {
                let (pa, pb) = (p[a], p[b]);
                let apart = pa.x + items[a].width <= pb.x
                    || pb.x + items[b].width <= pa.x
                    || pa.y + items[a].height <= pb.y
                    || pb.y + items[b].height <= pa.y;
                if !apart {
                    return Some((a, b));
                }
            }
        }
        None
    }

    #[test]
    fn parents_are_centred_over_their_children_without_overlap() {
        // 0 → 1, 2, 3; 1 → 4 → 5, 6 (leaves, stacked); 3 → 7 → 8 (a chain).
        let items = vec![
            item(200.0, 60.0, &[1, 2, 3]),
            item(200.0, 60.0, &[4]),
            item(200.0, 90.0, &[]),
            item(200.0, 60.0, &[7]),
            item(200.0, 60.0, &[5, 6]),
            item(180.0, 50.0, &[]),
            item(180.0, 50.0, &[]),
            item(400.0, 60.0, &[8]),
            item(200.0, 60.0, &[]),
        ];
        let p = layout(&items, &[0]);
        assert_eq!(overlaps(&items, &p), None);
        let centre = |i: usize| p[i].x + items[i].width / 2.0;
        assert_eq!(centre(0), (centre(1) + centre(3)) / 2.0, "the root over its first and last child");
        assert_eq!(centre(1), centre(4), "an only child sits under its parent");
        assert!(p[5].stacked && p[6].stacked && !p[4].stacked);
        assert_eq!(p[5].x, p[4].x + STACK_INDENT, "leaves stacked under their parent, indented");
        assert!(p[6].y > p[5].y + items[5].height);
        // Levels: a child is below its parent.
        for (i, it) in items.iter().enumerate() {
            for &c in &it.children {
                assert!(p[c].y >= p[i].y + it.height, "{c} below {i}");
            }
        }
    }

    #[test]
    fn a_forest_places_its_trees_side_by_side() {
        let items = vec![item(100.0, 40.0, &[1]), item(100.0, 40.0, &[]), item(100.0, 40.0, &[])];
        let p = layout(&items, &[0, 2]);
        assert_eq!(overlaps(&items, &p), None);
        assert_eq!(p[2].x, 100.0 + GAP_X);
    }
}
