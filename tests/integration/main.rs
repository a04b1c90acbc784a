//! One integration-test binary: every module runs the built `stanch` binary
//! in a fresh temporary directory (see `util`).
#[macro_use]
mod util;
mod action;
mod archive;
mod audit;
mod baseline;
mod config;
mod decode;
mod dist;
mod git;
mod hostile;
mod precommit;
mod promises;
mod props;
mod sarif;
mod scan;
