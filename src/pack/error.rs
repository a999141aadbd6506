use std::fmt;

/// A problem in a user's pack, pointing at the file, line and column.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct PackError {
    /// The file name as the user gave it (or a built-in pack id).
    pub file: String,
    /// 1-based; 0 when the problem has no position (a missing file).
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    /// One sentence: what is wrong and what is allowed.
    pub message: String,
    /// The offending line of the file, if any.
    pub source_line: Option<String>,
}

impl PackError {
    pub fn at(file: &str, src: &str, offset: Option<usize>, message: impl Into<String>) -> PackError {
        let message = message.into();
        let Some(offset) = offset else {
            return PackError { file: file.to_string(), line: 0, column: 0, message, source_line: None };
        };
        let offset = offset.min(src.len());
        let before = &src[..floor_char_boundary(src, offset)];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        let source_line = src[line_start..].lines().next().map(str::to_string);
        PackError { file: file.to_string(), line, column, message, source_line }
    }

    pub fn whole(file: &str, message: impl Into<String>) -> PackError {
        PackError::at(file, "", None, message)
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}:{}: {}", self.file, self.line, self.column, self.message)
        } else {
            write!(f, "{}: {}", self.file, self.message)
        }
    }
}

impl std::error::Error for PackError {}
