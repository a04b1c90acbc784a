//! One integration-test binary: every module runs the built `stanch` binary
//! in a fresh temporary directory (see `util`).
#[macro_use]
mod util;
mod sarif;
mod scan;
