//! Independent work over a slice: items and a function in, the results in
//! the items' order out. The CLI spreads it over its threads (rayon); the
//! wasm build, which has one thread, runs it in order. Callers get the same
//! results either way.

/// `items.iter().map(f).collect()`, on all threads in the CLI.
#[cfg(feature = "cli")]
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    use rayon::prelude::*;
    items.par_iter().map(f).collect()
}

#[cfg(not(feature = "cli"))]
pub fn map<T, R>(items: &[T], f: impl Fn(&T) -> R) -> Vec<R> {
    items.iter().map(f).collect()
}

/// `(0..n).map(f).collect()`, on all threads in the CLI.
#[cfg(feature = "cli")]
pub fn map_range<R: Send>(n: usize, f: impl Fn(usize) -> R + Sync + Send) -> Vec<R> {
    use rayon::prelude::*;
    (0..n).into_par_iter().map(f).collect()
}

#[cfg(not(feature = "cli"))]
pub fn map_range<R>(n: usize, f: impl Fn(usize) -> R) -> Vec<R> {
    (0..n).map(f).collect()
}

/// `items.sort_unstable()`, on all threads in the CLI.
#[cfg(feature = "cli")]
pub fn sort_unstable<T: Ord + Send>(items: &mut [T]) {
    use rayon::prelude::*;
    items.par_sort_unstable();
}

/// In wasm, the one shared sort (see `crate::order`): for a total order
/// the stable and the unstable sort give the same slice.
#[cfg(not(feature = "cli"))]
pub fn sort_unstable<T: Ord>(items: &mut [T]) {
    crate::order::sort(items);
}

/// Runs two independent steps: side by side in the CLI, in turn in wasm.
#[cfg(feature = "cli")]
pub fn both<A: Send, B: Send>(
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    rayon::join(a, b)
}

#[cfg(not(feature = "cli"))]
pub fn both<A, B>(a: impl FnOnce() -> A, b: impl FnOnce() -> B) -> (A, B) {
    (a(), b())
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_keep_the_items_order() {
        let items: Vec<u32> = (0..10_000).collect();
        assert_eq!(
            super::map(&items, |x| x * 2),
            items.iter().map(|x| x * 2).collect::<Vec<_>>()
        );
        assert_eq!(super::map_range(5, |i| i + 1), vec![1, 2, 3, 4, 5]);
        assert_eq!(super::both(|| 1, || "b"), (1, "b"));
        let mut shuffled: Vec<u32> = (0..10_000).map(|x| (x * 7919) % 10_000).collect();
        super::sort_unstable(&mut shuffled);
        assert_eq!(shuffled, items);
    }
}
