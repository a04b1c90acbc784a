//! `stanch scan` end to end: findings, exit codes, redaction, stdin, skips.
use crate::util::*;

stanch_test!(finds_a_github_token_and_exits_1, |dir, cmd| {
    dir.write("config.py", format!("TOKEN = \"{}\"\n", github_pat()));
    let out = cmd.args(["scan", "."]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("config.py:1:10"), "{text}");
    assert!(text.contains("github-classic-pat"), "{text}");
    assert!(!text.contains(&github_pat()), "secret printed in full: {text}");
});

stanch_test!(clean_tree_exits_0, |dir, cmd| {
    dir.write("main.rs", "fn main() { println!(\"hello\"); }\n");
    cmd.args(["scan", "."]).assert().code(0);
});
