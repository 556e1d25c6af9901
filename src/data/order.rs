//! One sort for the whole crate. Every `sort_by` with its own closure type is
//! a separate copy of the standard library's sort in the wasm (about 3 KB
//! each, a dozen of them); sorting indices through one `dyn` comparator
//! compiles the sort once.

use std::cmp::Ordering;

/// The indices `0..n` ordered by `cmp`, ties in index order (a stable sort).
pub fn sorted_indices(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    // The index tie-break makes the order total, so the smaller unstable
    // sort gives exactly the stable result.
    order.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
    order
}

/// Sorts `items` stably by `cmp`.
pub fn sort_by<T>(items: &mut Vec<T>, cmp: &mut dyn FnMut(&T, &T) -> Ordering) {
    let order = sorted_indices(items.len(), &mut |a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_and_complete() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        sort_by(&mut v, &mut |x, y| x.0.cmp(&y.0));
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
        let mut desc = vec![3, 1, 2];
        sort_by(&mut desc, &mut |x, y| y.cmp(x));
        assert_eq!(desc, [3, 2, 1]);
        assert_eq!(
            sorted_indices(0, &mut |_, _| Ordering::Equal),
            Vec::<usize>::new()
        );
        assert_eq!(sorted_indices(3, &mut |_, _| Ordering::Equal), [0, 1, 2]);
    }
}
