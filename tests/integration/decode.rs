//! Secrets inside encodings: base64 (Kubernetes, Docker, npm, HTTP Basic),
//! string escapes, percent-encoding, hex, UTF-16 files, and what must stay
//! quiet (images, hashes, certificates).
use crate::util::*;
use serde_json::Value;

fn scan_json(dir: &TestDir, args: &[&str]) -> (i32, Value) {
    let out = dir
        .cmd()
        .args(["scan", "--format", "json", "--show-secrets", "--no-config"])
        .args(args)
        .output()
        .expect("stanch runs");
    (out.status.code().expect("exit code"), json(&out.stdout))
}

fn findings_of(doc: &Value) -> Vec<Value> {
    doc["findings"].as_array().cloned().unwrap_or_default()
}

stanch_test!(
    a_kubernetes_secret_is_read_decoded_with_its_key,
    |dir, _cmd| {
        let enc = b64(password().as_bytes());
        dir.write(
            "k8s/secret.yaml",
            format!(
                "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: {enc}\n"
            ),
        );
        dir.write("plain.py", format!("password = \"{}\"\n", password()));
        let (code, doc) = scan_json(&dir, &["."]);
        assert_eq!(code, 1);
        let f = findings_of(&doc);
        assert_eq!(f.len(), 1, "one secret, plain and encoded: {f:?}");
        let f = &f[0];
        assert_eq!(f["rule_id"], "generic-password-assignment");
        assert_eq!(f["secret"], password());
        let locs = f["locations"].as_array().unwrap();
        let yaml = locs
            .iter()
            .find(|l| l["path"] == "k8s/secret.yaml")
            .unwrap();
        // Shown at the encoded span, with the decoding as a layer.
        assert_eq!(
            (yaml["line"].as_u64(), yaml["column"].as_u64()),
            (Some(6), Some(13))
        );
        assert_eq!(yaml["end_column"].as_u64(), Some(13 + enc.len() as u64));
        assert_eq!(yaml["layers"][0]["kind"], "decoded");
        assert_eq!(yaml["layers"][0]["encoding"], "base64");
        // The text report says so and never shows the secret.
        let text = dir
            .cmd()
            .args(["scan", "k8s", "--no-config"])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&text.stdout);
        assert!(
            text.contains("k8s/secret.yaml:6:13 (decoded: base64)"),
            "{text}"
        );
        assert_no_plaintext("text report", &text);
        assert!(!text.contains(&password()) && !text.contains(&enc));
    }
);

stanch_test!(
    docker_npm_and_basic_credentials_are_found_decoded,
    |dir, _cmd| {
        let pair = format!("deploy:{}", password());
        let enc = b64(pair.as_bytes());
        dir.write(
        ".docker/config.json",
        format!("{{\n  \"auths\": {{\n    \"registry.example.com\": {{ \"auth\": \"{enc}\" }}\n  }}\n}}\n"),
    );
        dir.write(
            ".npmrc",
            format!("registry=https://npm.example.com/\n_auth={enc}\n"),
        );
        dir.write(
            "tests/fixtures/request.http",
            format!("GET /api HTTP/1.1\nAuthorization: Basic {enc}\n"),
        );
        let (code, doc) = scan_json(&dir, &["."]);
        assert_eq!(code, 1);
        let mut rules: Vec<(String, String, u64)> = findings_of(&doc)
            .iter()
            .flat_map(|f| {
                f["locations"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|l| {
                        (
                            f["rule_id"].as_str().unwrap().to_string(),
                            l["path"].as_str().unwrap().to_string(),
                            l["line"].as_u64().unwrap(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        rules.sort();
        assert_eq!(
            rules,
            [
                (
                    "basic-auth-docker-config".into(),
                    ".docker/config.json".into(),
                    3
                ),
                (
                    "basic-auth-header".into(),
                    "tests/fixtures/request.http".into(),
                    2
                ),
                ("basic-auth-npmrc".into(), ".npmrc".into(), 2),
            ]
        );
        for f in findings_of(&doc) {
            assert_eq!(f["secret"], pair);
            assert_eq!(f["decoded_from"], serde_json::json!(["base64"]));
        }
    }
);

stanch_test!(
    decoding_calls_and_shell_pipelines_keep_their_names,
    |dir, _cmd| {
        let pw = password();
        let aws_secret = join(&["Jj7qkHrLygIN88uA", "HnSERimyezEXLP4mPqhMnh26"]);
        let java_pw = join(&["Quartz1992", "*zyIpQ"]);
        let hex: String = pw.bytes().map(|b| format!("{b:02x}")).collect();
        dir.write(
            "src/Credentials.java",
            format!(
                "final class Credentials {{\n    static final String PW = new String(Base64.getDecoder().decode(\"{}\"), UTF_8);\n}}\n",
                b64(java_pw.as_bytes())
            ),
        );
        dir.write(
            "deploy/env.sh",
            format!(
                "export AWS_SECRET_ACCESS_KEY=\"$(echo '{}' | base64 -d)\"\nexport DB_PASSWORD=$(printf %s {hex} | xxd -r -p)\nexport GREETING=\"$(echo 'aGVsbG8gd29ybGQgZnJvbSB0aGUgc2hlbGw=' | base64 -d)\"\n",
                b64(aws_secret.as_bytes())
            ),
        );
        let (code, doc) = scan_json(&dir, &["."]);
        assert_eq!(code, 1);
        let mut got: Vec<(String, u64, String)> = findings_of(&doc)
            .iter()
            .map(|f| {
                let l = &f["locations"][0];
                (
                    l["path"].as_str().unwrap().to_string(),
                    l["line"].as_u64().unwrap(),
                    f["secret"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        got.sort();
        assert_eq!(
            got,
            [
                ("deploy/env.sh".to_string(), 1, aws_secret),
                ("deploy/env.sh".to_string(), 2, pw.clone()),
                ("src/Credentials.java".to_string(), 2, java_pw),
            ],
            "{doc}"
        );
    }
);

stanch_test!(escapes_percent_hex_and_nesting_are_undone, |dir, _cmd| {
    let pat = github_pat();
    // A token whose every `_` is a JSON \u escape, a form body, hex, and
    // base64 of JSON holding an escaped token (two levels).
    let escaped = pat.replace('_', "\\u005f");
    dir.write(
        "a.json",
        format!("{{\"note\": \"token \\\"{escaped}\\\" here\"}}\n"),
    );
    let form: String = format!("username=ci&password={}", password())
        .replace('_', "%5F")
        .replace('-', "%2D");
    dir.write(
        "b.sh",
        format!("curl -d '{form}' https://example.com/login\n"),
    );
    let hex: String = format!("token={pat}")
        .bytes()
        .map(|b| format!("{b:02x}"))
        .collect();
    dir.write("c.txt", format!("blob = {hex}\n"));
    let inner = format!("{{\"t\": \"{}\"}}", pat.replace('_', "\\u005f"));
    dir.write("d.yaml", format!("payload: {}\n", b64(inner.as_bytes())));
    let (code, doc) = scan_json(&dir, &["."]);
    assert_eq!(code, 1);
    let f = findings_of(&doc);
    let by_path = |p: &str| {
        f.iter()
            .find(|f| {
                f["locations"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|l| l["path"] == p)
            })
            .unwrap_or_else(|| panic!("nothing found in {p}: {f:?}"))
            .clone()
    };
    let a = by_path("a.json");
    assert_eq!(a["secret"], pat);
    let b = by_path("b.sh");
    assert_eq!(b["secret"], password());
    assert_eq!(b["decoded_from"], serde_json::json!(["percent"]));
    assert_eq!(by_path("c.txt")["secret"], pat);
    let d = f
        .iter()
        .flat_map(|f| f["locations"].as_array().unwrap().clone())
        .find(|l| l["path"] == "d.yaml")
        .expect("found in d.yaml");
    let chain: Vec<&str> = d["layers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["encoding"].as_str().unwrap())
        .collect();
    assert_eq!(chain, ["base64", "json-escape"]);
    // Depth 1 stops after the first decoding; 0 turns decoding off.
    let (_, one) = scan_json(&dir, &["d.yaml", "--decode-depth", "1"]);
    assert!(findings_of(&one).is_empty());
    let (code, off) = scan_json(&dir, &["c.txt", "d.yaml", "--decode-depth", "0"]);
    assert_eq!(code, 0, "{off}");
});

stanch_test!(utf16_files_are_scanned_not_skipped, |dir, _cmd| {
    let text = format!("# config\r\ntoken = {}\r\n", github_pat());
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    dir.write("le.txt", le);
    dir.write("be.txt", be);
    let (code, doc) = scan_json(&dir, &["."]);
    assert_eq!(code, 1);
    let f = &findings_of(&doc)[0];
    let mut places: Vec<(String, u64, u64)> = f["locations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            assert_eq!(l["layers"][0]["encoding"], "utf-16");
            (
                l["path"].as_str().unwrap().to_string(),
                l["line"].as_u64().unwrap(),
                l["column"].as_u64().unwrap(),
            )
        })
        .collect();
    places.sort();
    assert_eq!(places, [("be.txt".into(), 2, 9), ("le.txt".into(), 2, 9)]);
    assert_eq!(doc["summary"]["stats"]["binary"], 0);
});

stanch_test!(images_hashes_and_certificates_stay_quiet, |dir, _cmd| {
    let mut x: u64 = 11;
    let mut random = |n: usize| -> Vec<u8> {
        (0..n)
            .map(|_| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (x >> 56) as u8
            })
            .collect()
    };
    let png = [&b"\x89PNG\r\n\x1a\n"[..], &random(120)].concat();
    dir.write(
        "index.html",
        format!(
            "<img src=\"data:image/png;base64,{}\">\n<script src=\"x.js\" integrity=\"sha384-{}\"></script>\n",
            b64(&png),
            b64(&random(48))
        ),
    );
    dir.write(
        "package-lock.json",
        format!("{{\"integrity\": \"sha512-{}\"}}\n", b64(&random(64))),
    );
    let body: Vec<String> = b64(&[&b"\x30\x82\x03\x0a"[..], &random(300)].concat())
        .as_bytes()
        .chunks(64)
        .map(|c| String::from_utf8(c.to_vec()).unwrap())
        .collect();
    dir.write(
        "certs/ca.pem",
        format!(
            "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
            body.join("\n")
        ),
    );
    let hashes: String = (0..4)
        .map(|_| {
            random(32)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
                + "\n"
        })
        .collect();
    dir.write("checksums.txt", hashes);
    // Placeholders, encoded as Kubernetes wants them, are not secrets either.
    dir.write(
        "k8s/template.yaml",
        format!(
            "kind: Secret\ndata:\n  password: {}\n  token: {}\n",
            b64(b"<your-password-here>"),
            b64(format!("ghp_{}", "x".repeat(36)).as_bytes())
        ),
    );
    let (code, doc) = scan_json(&dir, &["."]);
    assert_eq!(code, 0, "{doc}");
});

stanch_test!(
    an_allow_comment_on_the_encoded_line_covers_the_decoding,
    |dir, _cmd| {
        let enc = b64(password().as_bytes());
        dir.write(
            "secret.yaml",
            format!(
                "data:\n  password: {enc} # stanch:allow\n  other_password: {}\n",
                b64(b"Zephyr-saffron-7540-q")
            ),
        );
        let (code, doc) = scan_json(&dir, &["."]);
        assert_eq!(code, 1);
        let f = findings_of(&doc);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0]["line"], 3);
        assert_eq!(doc["summary"]["suppressed"]["inline"], 1);
    }
);

stanch_test!(a_staged_encoded_secret_blocks_the_commit, |dir, _cmd| {
    let g = Git::init(&dir.path().join("repo"));
    g.write("values.yaml", "image: app\n");
    g.commit("base");
    g.write(
        "values.yaml",
        format!(
            "image: app\nsecret:\n  password: {}\n",
            b64(password().as_bytes())
        ),
    );
    g.run(&["add", "values.yaml"]);
    let out = g
        .stanch(&g.dir)
        .args(["staged", "-f", "json", "--show-secrets"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let f = findings(&out.stdout);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["line"], 3);
    assert_eq!(f[0]["secret"], password());
});

stanch_test!(crafted_encodings_stay_bounded, |dir, _cmd| {
    // Ten thousand lines of base64 of text that decodes to more base64:
    // the budget bounds what is decoded, and the scan still ends with the
    // secret planted after it found.
    let layer = b64(b64(b"password=Zephyr-saffron-7540-q ".repeat(8).as_slice()).as_bytes());
    let mut text = format!("k: {layer}\n").repeat(10_000);
    text.push_str(&format!("token = {}\n", github_pat()));
    dir.write("big.yaml", &text);
    let (code, doc) = scan_json(&dir, &["."]);
    assert_eq!(code, 1);
    assert!(findings_of(&doc)
        .iter()
        .any(|f| f["secret"] == github_pat()));
});

stanch_test!(
    discord_bot_tokens_are_found_by_their_user_id,
    |dir, _cmd| {
        // A bot token's first part is base64 of the bot's user id: found with
        // no name nearby (a log line, a bare string), an id of 17 to 19 digits.
        // A look-alike whose first part decodes to text, and a JWT, are not.
        let token = |id: &str| {
            format!(
                "{}.N1eIIx.GquGTa1m2kSF9FbvBx9ZUeoo8X54t0_O-8f0lM",
                b64(id.as_bytes()).trim_end_matches('=')
            )
        };
        let (t18, t17, t19) = (
            token("258709363401593191"),
            token("28062219985280591"),
            token("1187654321098765432"),
        );
        dir.write(
            "worker.log",
            format!("2024-05-02T10:14:37Z INFO gateway: identify {t18} shard 0/1\n"),
        );
        dir.write(
            "a.py",
            format!("x = \"{t17}\"\nlog.info(\"using %s\", \"{t19}\")\n"),
        );
        let fake = format!(
            "{}.N1eIIx.GquGTa1m2kSF9FbvBx9ZUeoo8X54t0_O-8f0lM",
            b64(b"BOGUSValueHereXXXX").trim_end_matches('=')
        );
        dir.write(
        "neg.py",
        format!("x = \"{fake}\"\ny = \"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijklmnopqrstuvwxyz0123456\"\n"),
    );
        let (code, doc) = scan_json(&dir, &["."]);
        assert_eq!(code, 1);
        let mut found: Vec<(String, String)> = findings_of(&doc)
            .iter()
            .map(|f| {
                (
                    f["secret"].as_str().unwrap_or_default().to_string(),
                    f["locations"][0]["path"]
                        .as_str()
                        .unwrap_or_default()
                        .to_string(),
                )
            })
            .collect();
        found.sort();
        let mut want = vec![
            (t18, "worker.log".to_string()),
            (t17, "a.py".to_string()),
            (t19, "a.py".to_string()),
        ];
        want.sort();
        assert_eq!(found, want);
        assert!(findings_of(&doc)
            .iter()
            .all(|f| f["rule_id"] == "discord-bot-token"));
        // Decoding is where the id is read: without it only named tokens are.
        let (code, doc) = scan_json(&dir, &[".", "--decode-depth", "0"]);
        assert_eq!((code, findings_of(&doc).len()), (0, 0));
    }
);

stanch_test!(entity_escaped_passwords_in_xml_are_found, |dir, _cmd| {
    // XML config escapes a password's quote or angle bracket as an entity.
    // The entity decoding spans the whole line, whose name (`Password`) is
    // no placeholder of the value beside it; an escaped placeholder stays one.
    dir.write(
        "Web.config",
        concat!(
            "<configuration>\n",
            "  <add key=\"LdapBindPassword\" value=\"r7RIQ&quot;gObH5#f7GK\" />\n",
            "  <password>QpTOLM&amp;oO65&lt;ops3Y</password>\n",
            "  <add key=\"SmtpPassword\" value=\"&lt;your-password&gt;\" />\n",
            "</configuration>\n",
        ),
    );
    let (code, doc) = scan_json(&dir, &["."]);
    assert_eq!(code, 1);
    let mut lines: Vec<u64> = findings_of(&doc)
        .iter()
        .map(|f| f["locations"][0]["line"].as_u64().unwrap_or_default())
        .collect();
    lines.sort();
    assert_eq!(lines, [2, 3]);
});
