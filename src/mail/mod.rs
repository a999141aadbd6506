//! Mail structure: the exchange (the client's message and the draft), and the
//! parts of a message body: greeting, the new text, sign-off, signature, and
//! quoted history.

#[cfg(not(target_arch = "wasm32"))]
pub mod eml;
mod parts;
mod subject;

pub use parts::{Parts, split_parts};
pub use subject::core_subject;

use serde::{Deserialize, Serialize};

/// One message: the client's, or the draft of the reply.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Message {
    pub subject: String,
    pub from: String,
    pub to: Vec<String>,
    pub cc: Vec<String>,
    /// Plain text; the draft's body may hold the quoted original below the new text.
    pub body: String,
}

/// What the checker reads: the client's latest message and the reply being written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Exchange {
    pub incoming: Message,
    pub draft: Message,
    /// The current time, RFC 3339 ("2025-03-07T17:00:00+02:00"); used for deadlines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub now: Option<String>,
}
