//! Noise for tests that throw random input at the readers: a seed in; the
//! same pseudo-random numbers (and texts made of given pieces) every run,
//! out. Marsaglia's xorshift64 ("Xorshift RNGs", Journal of Statistical
//! Software 8(14), 2003, shifts 13, 7, 17): not for anything but tests.

/// A xorshift64 generator. The seed must not be 0 (it would stay 0).
#[derive(Debug, Clone)]
pub struct XorShift(u64);

impl XorShift {
    pub fn new(seed: u64) -> XorShift {
        XorShift(seed.max(1))
    }

    /// The next number of the sequence.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n` (`n` at least 1).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// One of `items` (not empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// `count` of `pieces` drawn one after another, joined.
    pub fn text(&mut self, pieces: &[&str], count: usize) -> String {
        (0..count).map(|_| *self.pick(pieces)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sequence_is_xorshift64_and_stays_in_range() {
        // 1 → 1 ^ 1<<13 = 8193; ^ >>7 = 8193 ^ 64 = 8257; ^ <<17.
        let mut r = XorShift::new(1);
        assert_eq!(r.next_u64(), 8257 ^ (8257 << 17));
        let mut r = XorShift::new(0);
        assert_ne!(r.next_u64(), 0);
        assert!((0..1000).all(|_| r.below(7) < 7));
        assert_eq!(XorShift::new(5).text(&["a"], 3), "aaa");
    }
}
