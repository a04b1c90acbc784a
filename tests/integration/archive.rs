//! Archives (issue 12): members scanned with their chain in every format,
//! every compression, and every bound and defect reported once while the
//! neighbours are still scanned. Every archive is built at test time (a
//! committed archive holding a test secret would be found by the self-scan).
use crate::util::*;
use serde_json::Value;
use std::io::{Cursor, Write};
use std::time::{Duration, Instant};

/// A zip of `(name, content)` members, deflated, written by the zip crate.
fn zip(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in members {
        w.start_file(*name, opts).expect("zip member");
        w.write_all(data).expect("zip write");
    }
    w.finish().expect("zip finish").into_inner()
}

/// A tar (GNU headers) of `(name, content)` members.
fn tar(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for (name, data) in members {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        b.append_data(&mut h, name, *data).expect("tar member");
    }
    b.into_inner().expect("tar finish")
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).expect("gz");
    e.finish().expect("gz finish")
}

fn bz2(data: &[u8]) -> Vec<u8> {
    let mut e = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::default());
    e.write_all(data).expect("bz2");
    e.finish().expect("bz2 finish")
}

fn xz(data: &[u8]) -> Vec<u8> {
    let mut e =
        lzma_rust2::XzWriter::new(Vec::new(), lzma_rust2::XzOptions::with_preset(1)).expect("xz");
    e.write_all(data).expect("xz write");
    e.finish().expect("xz finish")
}

fn zst(data: &[u8]) -> Vec<u8> {
    ruzstd::encoding::compress_to_vec(data, ruzstd::encoding::CompressionLevel::Fastest)
}

/// One member of a zip written by hand (`raw_zip`), so that its data can be
/// any deflate stream and its header any sizes and flags.
struct Raw<'a> {
    name: &'a str,
    /// General purpose flags (bit 0: encrypted).
    flags: u16,
    /// 0 stored, 8 deflated.
    method: u16,
    crc: u32,
    /// The uncompressed size the headers declare.
    size: u32,
    data: &'a [u8],
}

/// A zip of hand-made members (no zip64: sizes under 4 GiB).
fn raw_zip(members: &[Raw<'_>]) -> Vec<u8> {
    fn u16le(v: &mut Vec<u8>, x: u16) {
        v.extend_from_slice(&x.to_le_bytes());
    }
    fn u32le(v: &mut Vec<u8>, x: u32) {
        v.extend_from_slice(&x.to_le_bytes());
    }
    let mut out = Vec::new();
    let mut offsets = Vec::new();
    for m in members {
        offsets.push(out.len() as u32);
        out.extend_from_slice(b"PK\x03\x04");
        for x in [20, m.flags, m.method, 0, 0x21] {
            u16le(&mut out, x);
        }
        for x in [m.crc, m.data.len() as u32, m.size] {
            u32le(&mut out, x);
        }
        u16le(&mut out, m.name.len() as u16);
        u16le(&mut out, 0);
        out.extend_from_slice(m.name.as_bytes());
        out.extend_from_slice(m.data);
    }
    let cd = out.len() as u32;
    for (m, &offset) in members.iter().zip(&offsets) {
        out.extend_from_slice(b"PK\x01\x02");
        for x in [20, 20, m.flags, m.method, 0, 0x21] {
            u16le(&mut out, x);
        }
        for x in [m.crc, m.data.len() as u32, m.size] {
            u32le(&mut out, x);
        }
        for x in [m.name.len() as u16, 0, 0, 0, 0] {
            u16le(&mut out, x);
        }
        u32le(&mut out, 0);
        u32le(&mut out, offset);
        out.extend_from_slice(m.name.as_bytes());
    }
    let cd_len = out.len() as u32 - cd;
    out.extend_from_slice(b"PK\x05\x06");
    for x in [0, 0, members.len() as u16, members.len() as u16] {
        u16le(&mut out, x);
    }
    u32le(&mut out, cd_len);
    u32le(&mut out, cd);
    u16le(&mut out, 0);
    out
}

/// A raw deflate stream of `mib` MiB of zeros, and their CRC-32, made
/// without holding them: independent blocks of 8 MiB, each flushed to a
/// byte boundary, compress to the same bytes, which are repeated.
fn deflated_zeros(mib: u32) -> (Vec<u8>, u32) {
    use flate2::{Compress, Compression, FlushCompress};
    const CHUNK_MIB: u32 = 8;
    let chunk = vec![0u8; (CHUNK_MIB as usize) << 20];
    let mut c = Compress::new(Compression::best(), false);
    let mut block = Vec::with_capacity(1 << 20);
    c.compress_vec(&chunk, &mut block, FlushCompress::Full)
        .expect("deflate");
    assert_eq!(
        c.total_in(),
        chunk.len() as u64,
        "one call deflates a chunk"
    );
    let mut end = Vec::with_capacity(64);
    Compress::new(Compression::best(), false)
        .compress_vec(&[], &mut end, FlushCompress::Finish)
        .expect("deflate end");
    let one = {
        let mut h = crc32fast::Hasher::new();
        h.update(&chunk);
        h
    };
    let mut crc = crc32fast::Hasher::new();
    let mut data = Vec::new();
    for _ in 0..mib / CHUNK_MIB {
        data.extend_from_slice(&block);
        crc.combine(&one);
    }
    data.extend_from_slice(&end);
    (data, crc.finalize())
}

/// Runs `stanch ARGS -f json` in `dir`; returns (exit code, report).
fn scan_json(dir: &TestDir, args: &[&str]) -> (i32, Value) {
    let out = dir
        .cmd()
        .arg("scan")
        .args(args)
        .args(["-f", "json", "--no-config"])
        .output()
        .expect("stanch runs");
    let code = out.status.code().expect("exit code");
    (code, json(&out.stdout))
}

/// Every place (`path!member!…`) of every finding of a report, sorted.
fn places(report: &Value) -> Vec<String> {
    let mut v: Vec<String> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .flat_map(|f| f["locations"].as_array().expect("locations").iter())
        .map(|l| {
            let mut place = l["path"].as_str().expect("path").to_string();
            for layer in l["layers"].as_array().into_iter().flatten() {
                place.push('!');
                place.push_str(layer["path"].as_str().expect("a member"));
            }
            place
        })
        .collect();
    v.sort();
    v
}

fn warnings(report: &Value) -> Vec<String> {
    report["summary"]["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .map(|w| w.as_str().expect("a string").to_string())
        .collect()
}

fn stat(report: &Value, name: &str) -> u64 {
    report["summary"]["stats"][name]
        .as_u64()
        .unwrap_or_else(|| panic!("stats.{name} in {report:#}"))
}

/// `config/application.yml` with a token, in `core.jar`, in `app.war`, in
/// `release.tar.gz`: the chain of the issue.
fn release_tar_gz() -> Vec<u8> {
    let yml = format!(
        "spring:\n  application:\n    name: shop\ngithub:\n  token: {}\n",
        github_pat()
    );
    let jar = zip(&[
        ("META-INF/MANIFEST.MF", b"Manifest-Version: 1.0\n"),
        ("config/application.yml", yml.as_bytes()),
        ("com/example/App.class", b"\xca\xfe\xba\xbe\x00\x00\x00\x34"),
    ]);
    let war = zip(&[
        ("WEB-INF/web.xml", b"<web-app/>\n"),
        ("WEB-INF/lib/core.jar", &jar),
    ]);
    gz(&tar(&[("app.war", &war), ("README", b"release notes\n")]))
}

const CHAIN: &str = "release.tar.gz!app.war!WEB-INF/lib/core.jar!config/application.yml";

stanch_test!(
    a_secret_three_archives_deep_is_found_with_its_chain,
    |dir, cmd| {
        dir.write("release.tar.gz", release_tar_gz());
        let (code, report) = scan_json(&dir, &["."]);
        assert_eq!(code, 1, "{report:#}");
        let f = &report["findings"][0];
        assert_eq!(
            report["findings"].as_array().unwrap().len(),
            1,
            "{report:#}"
        );
        assert_eq!(f["rule_id"], "github-classic-pat");
        assert_eq!(f["path"], "release.tar.gz");
        assert_eq!(
            f["inner_path"],
            "app.war!WEB-INF/lib/core.jar!config/application.yml"
        );
        assert_eq!(
            f["layers"][0],
            serde_json::json!({"kind": "member", "path": "app.war"})
        );
        assert_eq!(f["layers"].as_array().unwrap().len(), 3);
        assert_eq!(
            (f["line"].as_u64(), f["column"].as_u64()),
            (Some(5), Some(10))
        );
        assert_eq!(stat(&report, "archives"), 3);
        // README, web.xml, core.jar, app.war, and the jar's three members.
        assert_eq!(stat(&report, "members"), 7);
        assert_eq!(stat(&report, "archive_skips"), 0);
        assert!(warnings(&report).is_empty(), "{report:#}");

        let out = cmd.args(["scan", ".", "--no-config"]).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains(&format!("{CHAIN}:5:10")), "{text}");
        assert!(
            text.contains("archives: 3 expanded, 7 members inside"),
            "{text}"
        );
        assert_no_plaintext("text report", &text);

        let sarif = dir
            .cmd()
            .args(["scan", ".", "--no-config", "-f", "sarif"])
            .output()
            .unwrap();
        let sarif = json(&sarif.stdout);
        let r = &sarif["runs"][0]["results"][0];
        assert_eq!(
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "release.tar.gz"
        );
        assert_eq!(
            r["properties"]["innerPath"],
            "app.war!WEB-INF/lib/core.jar!config/application.yml"
        );
        let msg = r["message"]["text"].as_str().unwrap();
        assert!(
            msg.contains("Inside app.war!WEB-INF/lib/core.jar!config/application.yml."),
            "{msg}"
        );
    }
);

stanch_test!(every_compression_is_read, |dir, _cmd| {
    let env = format!("GITHUB_TOKEN={}\n", github_pat());
    let t = tar(&[("deploy/.env.txt", env.as_bytes())]);
    dir.write("a.tar.bz2", bz2(&t));
    dir.write("b.tar.xz", xz(&t));
    dir.write("c.tar.zst", zst(&t));
    dir.write("d.tgz", gz(&t));
    dir.write("e.tar", &t);
    dir.write("conf/settings.env.gz", gz(env.as_bytes()));
    dir.write("f.env.bz2", bz2(env.as_bytes()));
    dir.write("g.env.xz", xz(env.as_bytes()));
    dir.write("h.env.zst", zst(env.as_bytes()));
    let (code, report) = scan_json(&dir, &["."]);
    assert_eq!(code, 1);
    assert_eq!(
        places(&report),
        [
            "a.tar.bz2!deploy/.env.txt",
            "b.tar.xz!deploy/.env.txt",
            "c.tar.zst!deploy/.env.txt",
            "conf/settings.env.gz!settings.env",
            "d.tgz!deploy/.env.txt",
            "e.tar!deploy/.env.txt",
            "f.env.bz2!f.env",
            "g.env.xz!g.env",
            "h.env.zst!h.env",
        ],
        "{report:#}"
    );
    assert!(warnings(&report).is_empty(), "{report:#}");
});

stanch_test!(
    a_zip_bomb_is_skipped_quickly_and_its_neighbours_scanned,
    |dir, _cmd| {
        // 1 GiB of zeros in about a megabyte: a ratio over 1,000.
        let (data, crc) = deflated_zeros(1024);
        let zeros = Raw {
            name: "zeros.bin",
            flags: 0,
            method: 8,
            crc,
            size: 1 << 30,
            data: &data,
        };
        let secret = format!("token: {}\n", github_pat());
        let note = Raw {
            name: "note.txt",
            flags: 0,
            method: 0,
            crc: crc32fast::hash(secret.as_bytes()),
            size: secret.len() as u32,
            data: secret.as_bytes(),
        };
        dir.write("bomb.zip", raw_zip(&[zeros, note]));
        dir.write("next/config.py", format!("TOKEN = \"{}\"\n", github_pat2()));
        let started = Instant::now();
        let (code, report) = scan_json(&dir, &["."]);
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{:?}",
            started.elapsed()
        );
        assert_eq!(code, 1);
        assert_eq!(
            places(&report),
            ["bomb.zip!note.txt", "next/config.py"],
            "{report:#}"
        );
        let w = warnings(&report);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].starts_with("bomb.zip!zeros.bin: compression ratio over 1000:1"),
            "{w:?}"
        );
        assert_eq!(stat(&report, "archive_skips"), 1);
    }
);

stanch_test!(a_gzip_bomb_stops_at_the_ratio, |dir, _cmd| {
    let (data, crc) = deflated_zeros(1024);
    let mut gz = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255];
    gz.extend_from_slice(&data);
    gz.extend_from_slice(&crc.to_le_bytes());
    gz.extend_from_slice(&(1u32 << 30).to_le_bytes());
    dir.write("disk.img.gz", gz);
    dir.write("config.py", format!("TOKEN = \"{}\"\n", github_pat()));
    let started = Instant::now();
    let (code, report) = scan_json(&dir, &["."]);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(code, 1);
    assert_eq!(places(&report), ["config.py"]);
    let w = warnings(&report);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(
        w[0].starts_with("disk.img.gz: compression ratio over 1000:1"),
        "{w:?}"
    );
});

/// Five zips, each holding a secret and the next (a 42.zip-style nest).
fn nest(levels: usize) -> Vec<u8> {
    let mut inner: Option<Vec<u8>> = None;
    for level in (1..=levels).rev() {
        let secret = format!("token = {}\n", github_pat_n(level));
        let name = format!("secret{level}.txt");
        let next = format!("level{}.zip", level + 1);
        let mut members: Vec<(&str, &[u8])> = vec![(&name, secret.as_bytes())];
        if let Some(z) = &inner {
            members.push((&next, z));
        }
        inner = Some(zip(&members));
    }
    inner.expect("one level at least")
}

stanch_test!(a_nest_deeper_than_the_depth_is_not_expanded, |dir, _cmd| {
    dir.write("level1.zip", nest(5));
    let (code, report) = scan_json(&dir, &["."]);
    assert_eq!(code, 1);
    assert_eq!(
        places(&report),
        [
            "level1.zip!level2.zip!level3.zip!secret3.txt",
            "level1.zip!level2.zip!secret2.txt",
            "level1.zip!secret1.txt",
        ],
        "{report:#}"
    );
    assert_eq!(
        warnings(&report),
        ["level1.zip!level2.zip!level3.zip!level4.zip: archive nested more than 3 deep (--archive-depth), not expanded"]
    );
    assert_eq!(stat(&report, "archive_skips"), 1);

    let (_, deeper) = scan_json(&dir, &[".", "--archive-depth", "5"]);
    assert_eq!(
        deeper["findings"].as_array().unwrap().len(),
        5,
        "{deeper:#}"
    );
    assert!(warnings(&deeper).is_empty());
    let (_, shallow) = scan_json(&dir, &[".", "--archive-depth", "1"]);
    assert_eq!(places(&shallow), ["level1.zip!secret1.txt"]);
});

stanch_test!(
    a_member_path_leaving_the_archive_is_scanned_inside_it,
    |dir, _cmd| {
        let secret = format!("token = {}\n", github_pat());
        dir.write(
            "evil.zip",
            zip(&[("../../etc/cron.d/job", secret.as_bytes())]),
        );
        let (code, report) = scan_json(&dir, &["."]);
        assert_eq!(code, 1);
        assert_eq!(places(&report), ["evil.zip!etc/cron.d/job"]);
        assert_eq!(
        warnings(&report),
        ["evil.zip!etc/cron.d/job: member path \"../../etc/cron.d/job\" leaves the archive; scanned as etc/cron.d/job"]
    );
        // Nothing was written outside (or inside) the scanned directory.
        assert!(!dir.path().join("etc").exists());
    }
);

stanch_test!(
    a_truncated_archive_yields_what_came_before_the_cut,
    |dir, _cmd| {
        let first = format!("token = {}\n", github_pat());
        let filler: Vec<u8> = (0..200_000u32)
            .flat_map(|i| format!("line {i}\n").into_bytes())
            .collect();
        let whole = gz(&tar(&[
            ("first.txt", first.as_bytes()),
            ("second.log", &filler),
        ]));
        dir.write("cut.tar.gz", &whole[..whole.len() / 2]);
        let z = zip(&[("first.txt", first.as_bytes()), ("second.log", &filler)]);
        // Cut inside the second member: the central directory is gone.
        dir.write("cut.zip", &z[..z.len() / 2]);
        let (code, report) = scan_json(&dir, &["."]);
        assert_eq!(code, 1);
        assert_eq!(
            places(&report),
            ["cut.tar.gz!first.txt", "cut.zip!first.txt"],
            "{report:#}"
        );
        // One warning per archive, naming it.
        let mut w = warnings(&report);
        w.sort();
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(
            w[0].starts_with("cut.tar.gz: corrupt or truncated ("),
            "{w:?}"
        );
        assert!(w[1].starts_with("cut.zip: corrupt or truncated ("), "{w:?}");
        assert_eq!(stat(&report, "archive_skips"), 2);
    }
);

stanch_test!(
    an_encrypted_member_is_reported_and_the_rest_scanned,
    |dir, _cmd| {
        let plain = format!("token = {}\n", github_pat());
        let hidden = format!("token = {}\n", github_pat2());
        let members = [
            Raw {
                name: "plain.txt",
                flags: 0,
                method: 0,
                crc: crc32fast::hash(plain.as_bytes()),
                size: plain.len() as u32,
                data: plain.as_bytes(),
            },
            Raw {
                name: "vault/secret.txt",
                flags: 1,
                method: 0,
                crc: crc32fast::hash(hidden.as_bytes()),
                size: hidden.len() as u32,
                data: hidden.as_bytes(),
            },
        ];
        dir.write("locked.zip", raw_zip(&members));
        let (code, report) = scan_json(&dir, &["."]);
        assert_eq!(code, 1);
        assert_eq!(places(&report), ["locked.zip!plain.txt"]);
        assert_eq!(
            warnings(&report),
            ["locked.zip!vault/secret.txt: encrypted, not scanned"]
        );
        assert_eq!(stat(&report, "archive_skips"), 1);
    }
);

stanch_test!(the_archive_budget_stops_an_archive_once, |dir, _cmd| {
    let big: Vec<u8> = (0..40_000u32)
        .flat_map(|i| format!("row {i}\n").into_bytes())
        .collect();
    let secret = format!("token = {}\n", github_pat());
    dir.write(
        "data.tar.gz",
        gz(&tar(&[
            ("a.csv", &big),
            ("b.csv", &big),
            ("z.txt", secret.as_bytes()),
        ])),
    );
    let (code, report) = scan_json(&dir, &[".", "--max-archive-size", "300K"]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(
        warnings(&report),
        ["data.tar.gz: more than 300K decompressed (--max-archive-size); the rest of the archive was not scanned"]
    );
    let (code, _) = scan_json(&dir, &["."]);
    assert_eq!(code, 1);
});

stanch_test!(no_archives_skips_them_as_binary, |dir, _cmd| {
    dir.write("release.tar.gz", release_tar_gz());
    let (code, report) = scan_json(&dir, &[".", "--no-archives"]);
    assert_eq!(code, 0);
    assert_eq!(stat(&report, "binary"), 1);
    assert_eq!(stat(&report, "archives"), 0);
    let (code, _) = scan_json(&dir, &[".", "--archive-depth", "0"]);
    assert_eq!(code, 0);
    dir.write(".stanch.toml", "archive_depth = 0\n");
    let out = dir
        .cmd()
        .args(["scan", ".", "-f", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
});

stanch_test!(
    a_binary_that_is_not_an_archive_is_still_skipped,
    |dir, _cmd| {
        let mut png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR".to_vec();
        png.extend(format!("token = {}\n", github_pat()).into_bytes());
        dir.write("logo.png", &png);
        // Text that begins like bzip2 is not taken for it.
        dir.write("notes.txt", "BZh91AY&SY is how bzip2 starts\n");
        let (code, report) = scan_json(&dir, &["."]);
        assert_eq!(code, 0);
        assert_eq!(stat(&report, "binary"), 1);
        assert_eq!(stat(&report, "scanned"), 1);
        assert_eq!(stat(&report, "archives"), 0);
    }
);

stanch_test!(
    a_large_archive_is_read_past_the_file_size_limit,
    |dir, _cmd| {
        // Incompressible filler (xorshift), so that the jar is over 1 MiB.
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let noise: Vec<u8> = (0..(3 << 20))
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect();
        let secret = format!("token = {}\n", github_pat());
        dir.write(
            "big.jar",
            zip(&[
                ("lib/blob.bin", &noise),
                ("app.properties", secret.as_bytes()),
            ]),
        );
        let (code, report) = scan_json(&dir, &[".", "--max-file-size", "1M"]);
        assert_eq!(code, 1, "{report:#}");
        assert_eq!(places(&report), ["big.jar!app.properties"]);
        // The member over the limit is skipped like a file.
        assert_eq!(stat(&report, "too_large"), 1);
    }
);

stanch_test!(
    history_finds_a_secret_in_a_committed_zip_with_its_commit,
    |dir, _cmd| {
        let g = Git::init(&dir.path().join("repo"));
        g.write("README.md", "hello\n");
        g.commit("first");
        let secret = format!("token = {}\n", github_pat());
        g.write("dist/app.zip", zip(&[("conf/app.ini", secret.as_bytes())]));
        let added = g.commit("add the build");
        g.write("dist/copy.zip", zip(&[("conf/app.ini", secret.as_bytes())]));
        g.commit("copy it");
        let out = g
            .stanch(&g.dir)
            .args(["history", "-f", "json", "--no-config"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let report = json(&out.stdout);
        let f = &report["findings"][0];
        assert_eq!(f["path"], "dist/app.zip");
        assert_eq!(f["inner_path"], "conf/app.ini");
        assert_eq!(f["commit"]["id"], added.as_str());
        assert_eq!(f["in_head"], true);
        // The identical zip at a second path is the same blob: read once.
        assert_eq!(f["occurrences"], 2, "{report:#}");
        assert_eq!(stat(&report, "archives"), 1);
    }
);

stanch_test!(staged_scans_an_archive_the_commit_adds, |dir, _cmd| {
    let g = Git::init(&dir.path().join("repo"));
    g.write("README.md", "hello\n");
    g.commit("first");
    let secret = format!("token = {}\n", github_pat());
    g.write(
        "vendor/lib.jar",
        zip(&[("META-INF/app.properties", secret.as_bytes())]),
    );
    g.run(&["add", "-A"]);
    let out = g
        .stanch(&g.dir)
        .args(["staged", "-f", "json", "--no-config"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        places(&json(&out.stdout)),
        ["vendor/lib.jar!META-INF/app.properties"]
    );
});

stanch_test!(members_are_read_as_the_files_they_are, |dir, _cmd| {
    // A generic password is found only where the syntax says key and value:
    // in a member named application.yml, whatever the archive is called.
    let yml = format!("spring:\n  datasource:\n    password: {}\n", password());
    let jar = zip(&[("BOOT-INF/classes/application.yml", yml.as_bytes())]);
    dir.write("build/libs/app-1.0.jar", jar);
    dir.write("dumps/settings.yml.gz", gz(yml.as_bytes()));
    let (code, report) = scan_json(&dir, &["."]);
    assert_eq!(code, 1, "{report}");
    let mut got = places(&report);
    got.sort();
    assert_eq!(
        got,
        [
            "build/libs/app-1.0.jar!BOOT-INF/classes/application.yml",
            "dumps/settings.yml.gz!settings.yml",
        ]
    );
    let f = &report["findings"][0];
    assert_eq!(f["rule_id"], "generic-password-assignment");
    assert!(f["locations"]
        .as_array()
        .unwrap()
        .iter()
        .all(|l| l["line"] == 3));
});
