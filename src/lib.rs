//! Parallax core: article files in, one [`Report`] out (documents, sentences,
//! quotations, claims aligned across outlets, speakers, discrepancies).
//!
//! The pipeline, one module a stage, each stage's output plain data:
//!
//! ```text
//! bytes ─ ingest ─▶ Document ─ segment ─▶ sentences ─ quotes ─▶ quotations
//!                                  │
//!                  features (normalised tokens, stems, names, numbers)
//!                                  │
//!        align (candidates from an inverted index ─▶ score ─▶ cluster)
//!                                  │
//!                       report (the serde Report, UTF-16 spans)
//! ```
//!
//! The core has no DOM, filesystem, clock or threads, so it builds for
//! `wasm32-unknown-unknown` and natively alike.

pub mod align;
pub mod corrections;
pub mod features;
pub mod ingest;
mod order;
mod par;
pub mod pipeline;
pub mod quotes;
pub mod report;
pub mod scale;
pub mod segment;
pub mod semantic;
pub mod span;
pub mod stories;
#[doc(hidden)]
pub mod testing;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use ingest::{Document, IngestError};
pub use pipeline::{analyze, analyze_documents, story_split, Input, Options, StorySplit};
pub use report::Report;
