//! Criterion micro-benchmarks of the engine alone (no files, no process start)
//! on fixed inputs. Each asserts the finding count it expects, so a fast wrong
//! answer fails instead of looking good.
//!   cargo bench --bench engine
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use stanch::engine::{Engine, DEFAULT_MIN_CONFIDENCE};

fn engine() -> Engine {
    Engine::new(stanch::rules::builtin().expect("rules")).expect("engine")
}

/// Deterministic pseudo-random generator, so inputs are the same on every run.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() as usize) % xs.len()]
    }
}

const WORDS: &[&str] = &[
    "user", "account", "token", "key", "secret", "password", "config", "request", "value", "name",
    "path", "cache", "handler", "session", "auth",
];

fn clean_source(bytes: usize) -> Vec<u8> {
    let mut r = Lcg(1);
    let mut s = String::new();
    while s.len() < bytes {
        let (a, b, c) = (r.pick(WORDS), r.pick(WORDS), r.pick(WORDS));
        let line = match r.next() % 6 {
            0 => format!("def {a}_{b}(self, {c}):\n"),
            1 => format!("    {a} = self.{b}.get(\"{c}\")\n"),
            2 => format!("    token = request.headers.get(\"{a}\")\n"),
            3 => format!("    # refresh the {a} {b} when {c} expires\n"),
            4 => format!(
                "    password = os.environ[\"{}_PASSWORD\"]\n",
                a.to_uppercase()
            ),
            _ => format!("    return {a}.{b}({c})\n"),
        };
        s.push_str(&line);
    }
    s.into_bytes()
}

fn dense_config(bytes: usize) -> Vec<u8> {
    let mut r = Lcg(2);
    let mut s = String::new();
    while s.len() < bytes {
        let (a, b) = (r.pick(WORDS), r.pick(WORDS));
        s.push_str(&format!(
            "{a}_{b}_token = ${{{}_TOKEN}}\n{a}_api_key: \"\"\n{b}_secret = None\n",
            a.to_uppercase()
        ));
    }
    s.into_bytes()
}

fn minified_js(bytes: usize) -> Vec<u8> {
    let mut r = Lcg(3);
    let mut s = String::new();
    while s.len() < bytes {
        let (a, b) = (r.pick(WORDS), r.pick(WORDS));
        s.push_str(&format!(
            "function {a}(t){{var e={b}.token||t.key;return e?{a}(e):null}};"
        ));
    }
    s.into_bytes()
}

fn lockfile(bytes: usize) -> Vec<u8> {
    let mut r = Lcg(4);
    let mut s = String::from("{\n  \"packages\": {\n");
    while s.len() < bytes {
        let a = r.pick(WORDS);
        let h: String = (0..64)
            .map(|_| {
                b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
                    [(r.next() % 64) as usize] as char
            })
            .collect();
        s.push_str(&format!("    \"node_modules/{a}-{}\": {{ \"version\": \"1.{}.0\", \"integrity\": \"sha512-{h}==\" }},\n", r.next() % 1000, r.next() % 50));
    }
    s.push_str("  }\n}\n");
    s.into_bytes()
}

/// Realistic source with `n` AWS access key ids planted at spread-out lines,
/// each distinct: what the engine must find, so that a fast engine that finds
/// nothing fails rather than looking good.
fn planted_source(bytes: usize, n: usize) -> Vec<u8> {
    let clean = String::from_utf8(clean_source(bytes)).expect("ASCII");
    let lines: Vec<&str> = clean.lines().collect();
    let every = (lines.len() / n).max(1);
    let mut r = Lcg(5);
    let mut s = String::with_capacity(bytes + n * 64);
    let mut planted = 0;
    for (i, l) in lines.iter().enumerate() {
        s.push_str(l);
        s.push('\n');
        if i % every == every / 2 && planted < n {
            let id: String = (0..16)
                .map(|_| b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[(r.next() % 32) as usize] as char)
                .collect();
            s.push_str(&format!("    aws_access_key_id = \"AKIA{id}\"\n"));
            planted += 1;
        }
    }
    s.into_bytes()
}

fn count(e: &Engine, bytes: &[u8]) -> usize {
    e.scan("bench.txt", bytes)
        .iter()
        .filter(|c| c.score.confidence >= DEFAULT_MIN_CONFIDENCE)
        .count()
}

fn bench(c: &mut Criterion) {
    let e = engine();
    let inputs: Vec<(&str, Vec<u8>, usize)> = vec![
        ("clean_source_1mb", clean_source(1 << 20), 0),
        ("dense_config_1mb", dense_config(1 << 20), 0),
        ("minified_js_5mb", minified_js(5 << 20), 0),
        ("lockfile_4mb", lockfile(4 << 20), 0),
        ("planted_source_1mb", planted_source(1 << 20, 100), 100),
    ];
    let mut g = c.benchmark_group("engine");
    for (name, input, expected) in &inputs {
        assert_eq!(
            count(&e, input),
            *expected,
            "{name}: unexpected finding count"
        );
        g.throughput(Throughput::Bytes(input.len() as u64));
        g.bench_function(*name, |b| b.iter(|| count(&e, input)));
    }
    g.finish();
}

/// What every run pays before it reads a byte: the catalog and the engine
/// (regexes are compiled later, on first use). A pre-commit hook on an empty
/// commit is little more than this and process start.
fn startup(c: &mut Criterion) {
    let mut g = c.benchmark_group("startup");
    g.bench_function("builtin", |b| {
        b.iter(|| stanch::rules::builtin().expect("rules").len())
    });
    g.bench_function("builtin_and_engine", |b| b.iter(|| engine().rules().len()));
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = startup, bench
}
criterion_main!(benches);
