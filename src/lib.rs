//! stanch finds leaked credentials in source trees, staged changes and git
//! history. The library is what the binary, the tests and the benchmarks use.
//!
//! Data flow: `sources` make `blob`s; the `engine` finds scored candidates in
//! them; `app` turns candidates into `finding`s, applies `suppress`ion and
//! dedups; `report` writes them out.
pub mod app;
pub mod blob;
pub mod cli;
pub mod config;
pub mod engine;
pub mod error;
pub mod finding;
pub mod report;
pub mod rules;
pub mod sources;
pub mod suppress;
