//! Suppression, in a fixed order: inline allow comments, then config
//! allowlists, then the baseline. Each step only drops occurrences and counts
//! what it dropped; none of them ever stores or prints a secret.
pub mod allowlist;
pub mod baseline;
pub mod inline;
