//! Byte spans in, UTF-16 code-unit offsets out: the one conversion between the
//! core's spans and JavaScript's `String.prototype.slice`.

/// Maps UTF-8 byte offsets of one text to UTF-16 code-unit offsets.
///
/// Built once per document; each lookup is a binary search over the
/// non-ASCII characters only, so ASCII-heavy text costs almost nothing.
pub struct Utf16Index {
    /// (byte offset just after a non-ASCII char, extra UTF-16 units so far)
    /// where "extra" is `byte_offset - utf16_offset` accumulated.
    checkpoints: Vec<(usize, usize)>,
    len: usize,
}

impl Utf16Index {
    pub fn new(text: &str) -> Self {
        let mut checkpoints = Vec::new();
        let mut surplus = 0usize;
        for (i, c) in text.char_indices() {
            let bytes = c.len_utf8();
            if bytes > 1 {
                surplus += bytes - c.len_utf16();
                checkpoints.push((i + bytes, surplus));
            }
        }
        Utf16Index {
            checkpoints,
            len: text.len(),
        }
    }

    /// UTF-16 offset of a byte offset that lies on a char boundary.
    pub fn to_utf16(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        let idx = self.checkpoints.partition_point(|&(b, _)| b <= byte);
        let surplus = if idx == 0 {
            0
        } else {
            self.checkpoints[idx - 1].1
        };
        byte - surplus
    }
}

/// Clamps `i` to the nearest char boundary at or before it.
pub fn floor_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn js_slice(text: &str, start: usize, end: usize) -> String {
        let units: Vec<u16> = text.encode_utf16().collect();
        String::from_utf16(&units[start..end]).unwrap()
    }

    #[test]
    fn utf16_offsets_round_trip_on_mixed_text() {
        let text = "Assad’s visit — “a harsh blow” 🙂 to US plans, عربي end";
        let index = Utf16Index::new(text);
        for (start, _) in text.char_indices() {
            for (end, _) in text.char_indices().filter(|(e, _)| *e >= start) {
                let (s16, e16) = (index.to_utf16(start), index.to_utf16(end));
                assert_eq!(js_slice(text, s16, e16), &text[start..end]);
            }
        }
        assert_eq!(index.to_utf16(text.len()), text.encode_utf16().count());
    }

    #[test]
    fn ascii_offsets_are_unchanged() {
        let index = Utf16Index::new("plain ascii");
        assert_eq!(index.to_utf16(5), 5);
    }

    #[test]
    fn floor_boundary_steps_back_inside_a_char() {
        let text = "a’b";
        assert_eq!(floor_boundary(text, 2), 1);
        assert_eq!(floor_boundary(text, 99), text.len());
    }
}
