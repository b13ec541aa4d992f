//! Sorting: a slice and an order in, the same slice sorted stably out.
//!
//! Why not `slice::sort_by` at each call: the standard library's sort is
//! generated anew for every element type and every comparison closure, some
//! 3 to 6 KB of wasm each, and the core sorts in some fifty places; in the
//! wasm build that was about a ninth of the code. There, every call goes
//! through one copy instead: the positions `0..n` are sorted by a `dyn`
//! comparison of the elements they point at, and the slice is then put in
//! that order. The CLI (feature `cli`) calls the standard sort directly.
//! Both are stable, so both give the same order, ties included.

use std::cmp::Ordering;

/// Sorts `items` by their own order, stably.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Sorts `items` by the key `key` gives each, stably (equal keys keep
/// their order).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` by `compare`, stably.
#[cfg(feature = "cli")]
pub fn sort_by<T>(items: &mut [T], compare: impl FnMut(&T, &T) -> Ordering) {
    items.sort_by(compare);
}

/// Sorts `items` by `compare`, stably.
#[cfg(not(feature = "cli"))]
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    shared_sort_by(items, &mut compare);
}

/// The one-copy sort: positions sorted by a `dyn` comparison, then the
/// items moved into that order.
#[cfg_attr(feature = "cli", allow(dead_code))] // used by the tests in the CLI build
pub(crate) fn shared_sort_by<T>(items: &mut [T], compare: &mut dyn FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = {
        let view: &[T] = items;
        sorted_positions(view.len(), &mut |i, j| compare(&view[i], &view[j]))
    };
    put_in_order(items, order);
}

/// `0..n` sorted stably by `compare` of the items at those positions.
#[cfg_attr(feature = "cli", allow(dead_code))] // used by the tests in the CLI build
fn sorted_positions(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..n).collect();
    positions.sort_by(|&a, &b| compare(a, b));
    positions
}

/// Moves the items so that place `k` holds what was at `order[k]`,
/// following each cycle of the permutation with swaps.
#[cfg_attr(feature = "cli", allow(dead_code))] // used by the tests in the CLI build
fn put_in_order<T>(items: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..items.len() {
        if order[start] == DONE {
            continue;
        }
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The one-copy sort orders exactly as the standard stable sort,
        /// ties included (the pairs' second field tells equal keys apart).
        #[test]
        fn shared_sort_is_the_standard_stable_sort(items in prop::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut expected = items.clone();
            expected.sort_by_key(|p| p.0);
            let mut got = items;
            shared_sort_by(&mut got, &mut |a: &(u8, u16), b: &(u8, u16)| a.0.cmp(&b.0));
            prop_assert_eq!(got, expected);
        }
    }

    #[test]
    fn owned_items_are_moved_not_lost() {
        let mut words: Vec<String> = ["pear", "fig", "apple", "fig", "kiwi"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        shared_sort_by(&mut words, &mut |a: &String, b: &String| {
            a.len().cmp(&b.len())
        });
        assert_eq!(words, ["fig", "fig", "pear", "kiwi", "apple"]);
        sort(&mut words);
        assert_eq!(words, ["apple", "fig", "fig", "kiwi", "pear"]);
    }
}
