//! Offsets in three units: bytes (Rust), code points (the CLI and the corpus
//! contract) and UTF-16 units (JavaScript). One pass over the text builds a
//! table of checkpoints; each conversion then costs a binary search and a scan
//! of at most `STEP` characters.

/// One checkpoint every this many characters.
const STEP: usize = 64;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Checkpoint {
    byte: usize,
    char: usize,
    utf16: usize,
}

/// Converts offsets of one text between bytes, chars and UTF-16 units.
#[derive(Clone, Debug)]
pub struct OffsetMap<'t> {
    text: &'t str,
    ascii: bool,
    points: Vec<Checkpoint>,
    total: Checkpoint,
}

impl<'t> OffsetMap<'t> {
    pub fn new(text: &'t str) -> Self {
        let ascii = text.is_ascii();
        let mut points = Vec::new();
        let mut cur = Checkpoint { byte: 0, char: 0, utf16: 0 };
        if ascii {
            let n = text.len();
            return OffsetMap { text, ascii, points, total: Checkpoint { byte: n, char: n, utf16: n } };
        }
        for c in text.chars() {
            if cur.char % STEP == 0 {
                points.push(cur);
            }
            cur.byte += c.len_utf8();
            cur.char += 1;
            cur.utf16 += c.len_utf16();
        }
        OffsetMap { text, ascii, points, total: cur }
    }

    pub fn len_chars(&self) -> usize {
        self.total.char
    }

    pub fn len_utf16(&self) -> usize {
        self.total.utf16
    }

    /// Code point offset of a byte offset. A byte offset inside a character
    /// maps to that character's start.
    pub fn byte_to_char(&self, byte: usize) -> usize {
        self.at_byte(byte).char
    }

    pub fn byte_to_utf16(&self, byte: usize) -> usize {
        self.at_byte(byte).utf16
    }

    /// Byte offset of a code point offset (clamped to the text's end).
    pub fn char_to_byte(&self, ch: usize) -> usize {
        if self.ascii {
            return ch.min(self.total.byte);
        }
        if ch >= self.total.char {
            return self.total.byte;
        }
        let i = self.points.partition_point(|p| p.char <= ch) - 1;
        let p = self.points[i];
        let mut byte = p.byte;
        for c in self.text[p.byte..].chars().take(ch - p.char) {
            byte += c.len_utf8();
        }
        byte
    }

    /// Byte offset of a UTF-16 offset. An offset inside a surrogate pair maps
    /// to the start of that character.
    pub fn utf16_to_byte(&self, u: usize) -> usize {
        if self.ascii {
            return u.min(self.total.byte);
        }
        if u >= self.total.utf16 {
            return self.total.byte;
        }
        let i = self.points.partition_point(|p| p.utf16 <= u) - 1;
        let p = self.points[i];
        let (mut byte, mut units) = (p.byte, p.utf16);
        for c in self.text[p.byte..].chars() {
            if units + c.len_utf16() > u {
                break;
            }
            units += c.len_utf16();
            byte += c.len_utf8();
        }
        byte
    }

    fn at_byte(&self, byte: usize) -> Checkpoint {
        if self.ascii {
            let b = byte.min(self.total.byte);
            return Checkpoint { byte: b, char: b, utf16: b };
        }
        if byte >= self.total.byte {
            return self.total;
        }
        let i = self.points.partition_point(|p| p.byte <= byte) - 1;
        let mut cur = self.points[i];
        for c in self.text[cur.byte..].chars() {
            if cur.byte + c.len_utf8() > byte {
                break;
            }
            cur.byte += c.len_utf8();
            cur.char += 1;
            cur.utf16 += c.len_utf16();
        }
        cur
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_all(text: &str) {
        let map = OffsetMap::new(text);
        let mut ch = 0;
        let mut u16 = 0;
        for (b, c) in text.char_indices() {
            assert_eq!(map.byte_to_char(b), ch, "byte {b} in {text:?}");
            assert_eq!(map.byte_to_utf16(b), u16);
            assert_eq!(map.char_to_byte(ch), b);
            assert_eq!(map.utf16_to_byte(u16), b);
            ch += 1;
            u16 += c.len_utf16();
        }
        assert_eq!(map.byte_to_char(text.len()), ch);
        assert_eq!(map.byte_to_utf16(text.len()), u16);
        assert_eq!(map.char_to_byte(ch), text.len());
        assert_eq!(map.utf16_to_byte(u16), text.len());
    }

    #[test]
    fn ascii_offsets_are_identical() {
        check_all("Hi Tom, can you send it by Friday?");
    }

    #[test]
    fn cyrillic_emoji_and_combining_marks_round_trip() {
        check_all("Привет 👍🏽 é (e + \u{301}) — «ок» 🧑‍💻 ї");
        let long: String = "Дякую 🙌 ".repeat(100);
        check_all(&long);
    }

    #[test]
    fn utf16_offset_inside_surrogate_pair_maps_to_char_start() {
        let text = "a😀b";
        let map = OffsetMap::new(text);
        assert_eq!(map.utf16_to_byte(2), 1);
        assert_eq!(map.utf16_to_byte(3), 5);
        assert_eq!(map.byte_to_utf16(5), 3);
    }
}
