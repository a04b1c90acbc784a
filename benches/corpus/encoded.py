"""Encoded and archived secrets, and their decoys.

Secrets that a scanner only sees after undoing an encoding (base64 and base64url,
padded or not and wrapped over lines, hex, percent-encoding, JSON/JS string
escapes, HTML entities, whole files in UTF-16, and chains of these), secrets in
archives (the zip family, tar, gzip, bzip2 and xz, nested), and decoys of both
kinds.  zstd has no module in the standard library, so it is not covered.

Items get these fields beside the usual ones:
  encoding    the encodings undone to reach the secret, outermost first, joined
              by ">" (base64, base64url, base64-wrapped, hex, percent,
              json-escape, html-entity, utf-16le, utf-16be, base64>json-escape ...)
  container   the archive formats, outermost first, joined by ">" (jar, war>jar,
              tar.gz>war>jar, gz ...)
  inner_path  the member paths, outermost first, joined by "!"; with an archive
              item, `path` is the archive and `line` the line in the innermost member

build() runs after every other builder and draws from the same seeded RNG, so
the rest of the corpus keeps its bytes for a given seed.
"""

import base64
import bz2
import gzip
import html
import io
import json
import lzma
import string
import struct
import tarfile
import zipfile
from urllib.parse import quote

import formats as F
from configs import min_filler
from templates import DBS, HOSTS, PLACEHOLDERS, SVCS, USERS, sub

# --------------------------------------------------------------- encoders


def _b(x):
    return x.encode("utf-8") if isinstance(x, str) else x


def b64(x):
    return base64.b64encode(_b(x)).decode()


def b64url(x):
    """URL-safe alphabet, no padding (Go's RawURLEncoding, JWT segments)."""
    return base64.urlsafe_b64encode(_b(x)).decode().rstrip("=")


def hexs(x, upper=False):
    h = _b(x).hex()
    return h.upper() if upper else h


def pct(s):
    return quote(s, safe="")


def wrap(s, width=76, sep="\n"):
    return sep.join(s[i:i + width] for i in range(0, len(s), width))


def span64(doc, part, url=False):
    """The characters of base64(doc) that encode the bytes of `part` (its first
    occurrence in doc): what a scanner would see of that value."""
    db, pb = _b(doc), _b(part)
    i = db.index(pb)
    j = i + len(pb)
    e = b64url(db) if url else b64(db)
    return e[i // 3 * 4:min(len(e), -(-j // 3) * 4)]


def wspan(enc, part, width, sep):
    """`part` (a slice of enc) as written once enc is wrapped at `width` with `sep`."""
    a = enc.index(part)
    b = a + len(part)

    def pos(k):
        return (k // width) * (width + len(sep)) + k % width
    return wrap(enc, width, sep)[pos(a):pos(b - 1) + 1]


def jesc(s, slash=False, go=False):
    """A JSON string body: \\n, \\t, \\", \\uXXXX (surrogate pairs beyond the BMP);
    slash: PHP's \\/; go: Go's \\u0026, \\u003c, \\u003e."""
    e = json.dumps(s, ensure_ascii=True)[1:-1]
    if slash:
        e = e.replace("/", "\\/")
    if go:
        e = e.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return e


def esapi(s):
    """HTML attribute encoding of everything but letters and digits (&#xHH;)."""
    return "".join(c if c.isalnum() else "&#x%x;" % ord(c) for c in s)


def rnd(r, n):
    return r.getrandbits(8 * n).to_bytes(n, "little") if n else b""


# ------------------------------------------------------------------ items


def S(value, family, enc=None, text=None, at=None, cls="encoded", inter=None):
    """A secret; `inter` lists its forms between the literal and the plain value
    (for a chain of encodings: what undoing only the outer ones gives)."""
    it = {"kind": "secret", "family": family, "difficulty": cls, "secret": value}
    if enc:
        it["encoding"] = enc
    if text and text != value:
        it["text"] = text
    if at:
        it["at"] = at
    if inter:
        it["intermediate"] = inter
    return it


def St(t, enc=None, **kw):
    return S(t.value, t.family, enc, **kw)


def Dc(literal, dclass, enc=None, cls="encoded", decoded=None, at=None, family="none"):
    """A decoy; `secret` is the literal as written, `decoded` its decoding when that is text."""
    it = {"kind": "decoy", "family": family, "decoy_class": dclass, "difficulty": cls, "secret": literal}
    if enc:
        it["encoding"] = enc
    if decoded:
        it["decoded"] = decoded
    if at:
        it["at"] = at
    return it


def retag(fb, enc, start=0):
    """Prefix `enc` to the encoding of fb's items from index `start` on (whole-file encodings)."""
    for it in fb.items[start:]:
        it["encoding"] = enc + (">" + it["encoding"] if it.get("encoding") else "")
        it["difficulty"] = "encoded"


# ------------------------------------------------------------ value makers

EMOJI = ["\U0001F511", "\U0001F680", "\U0001F409", "\U0001F335", "\U0001F525", "\U0001F427"]


def pw_emoji(r):
    return "%s%s%s%d%s" % (r.choice(F.PW_WORDS), r.choice(EMOJI), r.choice(F.PW_WORDS).lower(),
                           r.randint(10, 9999), r.choice("!#%*"))


def pw_html(r):
    """A password with characters HTML/XML must escape."""
    return "%s%s%s%s%s" % (F.mixed(r, F.ALNUM, 5), r.choice("&<>\"'"), F.mixed(r, F.ALNUM, 5),
                           r.choice("&<>!#"), F.mixed(r, F.ALNUM, 4))


def pw_amp(r):
    return "%s&%s%s%s" % (F.mixed(r, F.ALNUM, 6), F.mixed(r, F.ALNUM, 4), r.choice("<>&"), F.mixed(r, F.ALNUM, 5))


def long_tok(ctx, vt, n=16):
    """A token of at least n characters (hex needs 16 bytes, base64 12)."""
    while True:
        t = ctx.tok(vt)
        if len(t.value) >= n:
            return t


def pct_url(ctx):
    """A connection URL whose password needs percent-encoding -> (url, pw, encoded, family)."""
    r = ctx.r
    pw = F.g_password_special(r)
    enc = pct(pw)
    scheme, port, fam = r.choice([("postgres", 5432, "postgres"), ("postgresql", 5432, "postgres"),
                                  ("mysql", 3306, "mysql"), ("mongodb", 27017, "mongodb"),
                                  ("amqp", 5672, "amqp"), ("redis", 6379, "redis")])
    user = "" if scheme == "redis" else r.choice(USERS)
    url = "%s://%s:%s@%s:%d/%s" % (scheme, user, enc, r.choice(HOSTS), port,
                                   "0" if scheme == "redis" else r.choice(DBS))
    return url, pw, enc, fam


def basic_cred(ctx):
    """user:password for an HTTP Basic header -> (userpass, secret, family, url it is sent to)."""
    r = ctx.r
    k = r.randrange(10)
    if k == 0:
        t = ctx.c.token("mailgun")
        return "api:" + t.value, t.value, t.family, "https://api.mailgun.net/v3/mg.acme-corp.com/messages"
    if k == 1:
        t = ctx.c.token("twilio_auth")
        sid = F.g_twilio_ac(r)
        return "%s:%s" % (sid, t.value), t.value, "twilio", "https://api.twilio.com/2010-04-01/Accounts/%s/Messages.json" % sid
    if k == 2:
        t = ctx.c.token(r.choice(["stripe_sk", "stripe_rk"]))
        return t.value + ":", t.value, t.family, "https://api.stripe.com/v1/charges?limit=3"
    if k == 3:
        t = ctx.c.token(r.choice(["ghs", "ghp"]))
        return "x-access-token:" + t.value, t.value, t.family, "https://github.com/acme/api.git/info/refs?service=git-upload-pack"
    if k == 4:
        t = ctx.c.token("heroku_uuid")
        return ":" + t.value, t.value, t.family, "https://api.heroku.com/apps"
    if k == 5:
        t = ctx.c.token("mailchimp")
        return "anystring:" + t.value, t.value, t.family, "https://%s.api.mailchimp.com/3.0/lists" % t.value.rsplit("-", 1)[1]
    if k == 6:
        t = ctx.c.token("docker")
        return "%s:%s" % (r.choice(USERS), t.value), t.value, t.family, "https://auth.docker.io/token?service=registry.docker.io"
    if k == 7:
        t = ctx.c.token("generic_key")
        return "%s@acme-corp.com:%s" % (r.choice(USERS), t.value), t.value, t.family, "https://acme.atlassian.net/rest/api/3/myself"
    t = ctx.c.token("password")
    return "%s:%s" % (r.choice(USERS), t.value), t.value, "basic-auth", "https://api.acme.dev/v1/me"


def gcp_sa(ctx):
    """A service-account JSON -> (document, pem)."""
    r = ctx.r
    pem = F.g_pk_pkcs8(r) + "\n"
    proj = "acme-%s-%d" % (r.choice(["prod", "data", "ml", "ci"]), r.randint(100000, 999999))
    doc = json.dumps({"type": "service_account", "project_id": proj, "private_key_id": F.rs(r, F.HEX, 40),
                      "private_key": pem, "client_email": "deployer@%s.iam.gserviceaccount.com" % proj,
                      "client_id": F.rs(r, string.digits, 21),
                      "auth_uri": "https://accounts.google.com/o/oauth2/auth",
                      "token_uri": "https://oauth2.googleapis.com/token"}, indent=2)
    return doc, pem


def env_doc(ctx, n, vts="rrkpa"):
    """A .env document -> (text, tokens)."""
    r = ctx.r
    toks = [ctx.tok(r.choice(vts)) for _ in range(n)]
    lines = ["# %s %s" % (r.choice(SVCS).lower(), r.choice(["runtime", "production", "deploy"])),
             "NODE_ENV=production", "LOG_LEVEL=info"]
    for t in toks:
        lines.append("%s=%s" % (t.NAME, t.value))
        if r.random() < 0.3:
            lines.append(r.choice(["PORT=8080", "WORKERS=4", "TZ=UTC", "CACHE_TTL=300"]))
    return "\n".join(lines) + "\n", toks


def b64url_json(ctx, obj):
    """base64url of a JSON object; retries a nonce until '-' or '_' shows (usual
    for JSON with '?' or '>' in it) -> (encoded, document)."""
    r = ctx.r
    for _ in range(40):
        obj["nonce"] = F.rs(r, F.ALNUM + "?>~", 12)
        doc = json.dumps(obj, separators=(",", ":"))
        e = b64url(doc)
        if "-" in e or "_" in e:
            break
    return e, doc


# ------------------------------------------------------------- decoy makers

SVG_ICONS = ['<path d="M7 14c-1.66 0-3-1.34-3-3s1.34-3 3-3 3 1.34 3 3-1.34 3-3 3zm5.65-4A5.99 5.99 0 0 0 7 6a6 6 0 1 0 5.65 8H17v4h4v-4h2v-4H12.65z"/>',
             '<path d="M18 8h-1V6A5 5 0 0 0 7 6v2H6a2 2 0 0 0-2 2v10a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V10a2 2 0 0 0-2-2zM9 6a3 3 0 0 1 6 0v2H9V6z"/>',
             '<circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="2"/><path d="M12 6v6l4 2"/>']


def img_uri(ctx):
    r = ctx.r
    k = r.randrange(4)
    if k == 0:
        return ctx.png_data_uri(), None
    if k == 1:
        return "data:image/jpeg;base64," + b64(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00H\x00H\x00\x00" + rnd(r, r.randint(200, 1400))), None
    if k == 2:
        return "data:image/gif;base64," + b64(b"GIF89a\x10\x00\x10\x00\x80\x00\x00" + rnd(r, r.randint(40, 300))), None
    svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24"><title>%s</title>%s</svg>' % (
        r.choice(["key", "lock", "password", "token", "clock"]), r.choice(SVG_ICONS))
    return "data:image/svg+xml;base64," + b64(svg), svg


FONT_MAGIC = [("font/woff2", b"wOF2\x00\x01\x00\x00"), ("application/font-woff", b"wOFF\x00\x01\x00\x00"),
              ("font/ttf", b"\x00\x01\x00\x00\x00\x10\x01\x00\x00\x04"), ("font/otf", b"OTTO\x00\x0b\x00\x80\x00\x03")]


def font_uri(r):
    mime, magic = r.choice(FONT_MAGIC)
    return "data:%s;base64,%s" % (mime, b64(magic + rnd(r, r.randint(600, 3000))))


SRC_CONTENT = [
    'export async function login(username: string, password: string) {\n  const res = await fetch(`${API_BASE}/session`, {\n    method: "POST",\n    headers: { "Content-Type": "application/json" },\n    body: JSON.stringify({ username, password }),\n  });\n  if (!res.ok) throw new Error("login failed");\n  const { token } = await res.json();\n  sessionStorage.setItem("token", token);\n  return token;\n}\n',
    'export const config = {\n  apiBase: process.env.API_BASE ?? "https://api.acme.dev",\n  apiKey: process.env.ACME_API_KEY ?? "",\n  tokenHeader: "Authorization",\n  passwordMinLength: 12,\n};\n',
    'export function authHeaders(token: string): Record<string, string> {\n  return { Authorization: `Bearer ${token}` };\n}\n',
    'export function PasswordField({ value, onChange }: Props) {\n  return <input type="password" autoComplete="current-password" value={value} onChange={onChange} placeholder="Password" />;\n}\n',
    'export function useToken() {\n  const [token, setToken] = useState<string | null>(() => localStorage.getItem("token"));\n  return { token, setToken };\n}\n',
    'const SECRET_KEYS = ["password", "token", "apiKey", "secret"];\nexport function redact(obj: Record<string, unknown>) {\n  for (const k of SECRET_KEYS) if (k in obj) obj[k] = "[REDACTED]";\n  return obj;\n}\n',
]
SRC_NAMES = ["src/auth/login.ts", "src/config.ts", "src/api/headers.ts", "src/components/PasswordField.tsx",
             "src/hooks/useToken.ts", "src/util/redact.ts"]


def source_map(ctx, name):
    r = ctx.r
    idx = sorted(r.sample(range(len(SRC_CONTENT)), 2))
    seg = "ACEGIKMOQSUWYaceikmoqsuwy"
    mappings = ";".join(",".join(F.rs(r, seg, r.choice([4, 4, 5, 6])) for _ in range(r.randint(3, 9)))
                        for _ in range(r.randint(20, 60)))
    return json.dumps({"version": 3, "file": name, "sources": ["webpack://acme-web/./" + SRC_NAMES[i] for i in idx],
                       "sourcesContent": [SRC_CONTENT[i] for i in idx],
                       "names": ["login", "password", "token", "apiKey", "setToken", "headers", "fetch"],
                       "mappings": mappings}, separators=(",", ":"))


def varint(n):
    out = b""
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out += bytes([b | 0x80])
        else:
            return out + bytes([b])


def pfield(num, wt, payload):
    key = varint(num << 3 | wt)
    if wt == 2:
        return key + varint(len(payload)) + payload
    return key + payload


def protobuf(ctx):
    r = ctx.r
    inner = pfield(1, 2, ("cust-%d" % r.randint(1000, 99999)).encode()) + pfield(2, 2, b"%s@example.com" % r.choice(USERS).encode())
    return (pfield(1, 2, ("order-%d" % r.randint(10000, 999999)).encode()) + pfield(2, 0, varint(r.randint(1, 10 ** 9)))
            + pfield(3, 2, rnd(r, 16)) + pfield(4, 2, inner) + pfield(5, 1, rnd(r, 8))
            + pfield(6, 2, r.choice([b"EUR", b"USD", b"GBP"])))


def gz_json(ctx):
    r = ctx.r
    doc = json.dumps({"report": r.choice(["daily", "weekly"]), "rows": [{"id": r.randint(1, 9999), "total": r.randint(1, 99999)} for _ in range(r.randint(10, 40))]})
    return gzip.compress(doc.encode(), mtime=0)


def pub_pem(ctx, label="CERTIFICATE"):
    return ctx.pub_pem(label)


# ----------------------------------------------------------------- archives

ZIPS = {"zip", "jar", "war", "ear", "apk", "aar", "whl", "egg", "nupkg", "vsix", "xpi", "docx", "xlsx", "pptx", "odt"}
ZIP_TIME = (2024, 5, 2, 10, 30, 0)
TAR_TIME = 1714645800


def zip_bytes(files):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, ZIP_TIME)
            zi.create_system = 3
            zi.external_attr = 0o644 << 16
            # the mimetype of an OpenDocument, and nested archives as build tools write them, are stored
            zi.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return buf.getvalue()


def tar_bytes(files):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.GNU_FORMAT) as t:
        for name, data in files:
            ti = tarfile.TarInfo(name)
            ti.size = len(data)
            ti.mtime = TAR_TIME
            ti.mode = 0o600 if ("id_" in name or "credentials" in name or name.endswith(".env")) else 0o644
            ti.uid = ti.gid = 1000
            ti.uname = ti.gname = "deploy"
            t.addfile(ti, io.BytesIO(data))
    return buf.getvalue()


def gz_bytes(data, name=""):
    buf = io.BytesIO()
    with gzip.GzipFile(filename=name, mode="wb", fileobj=buf, mtime=0) as g:
        g.write(data)
    return buf.getvalue()


def pack(kind, files):
    if kind in ZIPS:
        return zip_bytes(files)
    if kind.startswith("tar"):
        t = tar_bytes(files)
        if kind == "tar":
            return t
        if kind == "tar.gz":
            return gz_bytes(t)
        if kind == "tar.bz2":
            return bz2.compress(t, 9)
        if kind == "tar.xz":
            return lzma.compress(t, format=lzma.FORMAT_XZ)
    (name, data), = files
    if kind == "gz":
        return gz_bytes(data, name)  # the header names the member, as gzip(1) does
    if kind == "bz2":
        return bz2.compress(data, 9)
    if kind == "xz":
        return lzma.compress(data, format=lzma.FORMAT_XZ)
    raise ValueError(kind)


class Arc:
    """An archive to build: members are (name, Arc | member FileBuilder | str | bytes)."""

    def __init__(self, kind, members):
        self.kind, self.members = kind, members

    def build(self):
        """-> (bytes, [(item, member chain, inner kinds)])"""
        files, items = [], []
        for name, obj in self.members:
            if isinstance(obj, Arc):
                data, inner = obj.build()
                items += [(it, [name] + chain, [obj.kind] + kinds) for it, chain, kinds in inner]
            elif isinstance(obj, (str, bytes)):
                data = _b(obj)
            else:
                data = obj.data()
                items += [(it, [name], []) for it in obj.items]
            files.append((name, data))
        return pack(self.kind, files), items


def archive(ctx, path, arc):
    data, items = arc.build()
    fb = ctx.c.file(path)
    fb.binary = data
    for it, chain, kinds in items:
        rec = dict(it)
        rec["path"] = fb.path
        rec["inner_path"] = "!".join(chain)
        rec["container"] = ">".join([arc.kind] + kinds)
        rec["difficulty"] = "archived"
        fb.items.append(rec)
    return fb


def class_file(r, name, strings):
    """A small Java class file: magic, version, a constant pool of the given strings, code bytes."""
    pool = [name, "java/lang/Object", "<init>", "()V", "Code", "SourceFile", name.rsplit("/", 1)[-1] + ".java"] + strings
    body = b"".join(b"\x01" + struct.pack(">H", len(_b(s))) + _b(s) for s in pool)
    return (b"\xca\xfe\xba\xbe" + struct.pack(">HHH", 0, 61, len(pool) + 1) + body
            + struct.pack(">HHHHH", 0x21, 1, 2, 0, 0) + rnd(r, r.randint(80, 400)))


CLASS_STRINGS = [["getPassword", "setPassword", "Ljava/lang/String;", "spring.datasource.password"],
                 ["Authorization", "Bearer ", "apiKey", "acme.api.key"],
                 ["loadSecret", "SECRET_KEY", "java/lang/System", "getenv"],
                 ["TokenProvider", "refreshToken", "expiresIn", "token_type"]]


def classes(ctx, pkg, names):
    r = ctx.r
    return [("%s/%s.class" % (pkg, n), class_file(r, "%s/%s" % (pkg, n), r.choice(CLASS_STRINGS))) for n in names]


def manifest(ctx, title, version, main=None):
    lines = ["Manifest-Version: 1.0", "Created-By: 17.0.9 (Eclipse Adoptium)", "Implementation-Title: %s" % title,
             "Implementation-Version: %s" % version]
    if main:
        lines += ["Main-Class: org.springframework.boot.loader.launch.JarLauncher", "Start-Class: %s" % main,
                  "Spring-Boot-Version: 3.2.5", "Spring-Boot-Classes: BOOT-INF/classes/", "Spring-Boot-Lib: BOOT-INF/lib/"]
    return "\r\n".join(lines) + "\r\n\r\n"


# ----------------------------------------------------------- archive members

def m_spring_yml(ctx, name):
    r = ctx.r
    m = ctx.c.member(name)
    m.raw("server:\n  port: 8080\nspring:\n  application:\n    name: %s\n  datasource:\n    url: jdbc:postgresql://%s:5432/%s\n    username: app"
          % (r.choice(SVCS).lower(), r.choice(HOSTS), r.choice(DBS)))
    ctx.secret(m, "archived", "p", "    password: {V}")
    m.raw("  rabbitmq:\n    host: mq.acme.internal\n    username: %s" % r.choice(USERS))
    ctx.secret(m, "archived", "p", "    password: '{V}'")
    m.raw("acme:\n  integrations:")
    ctx.secret(m, "archived", r.choice("rk"), "    {kebab}: {V}")
    ctx.decoy(m, "placeholder", "    fallback-token: ${ACME_FALLBACK_TOKEN:}", "${ACME_FALLBACK_TOKEN:}")
    return m


def m_props(ctx, name):
    r = ctx.r
    m = ctx.c.member(name)
    m.raw("# %s\nserver.port=8080\nspring.datasource.url=jdbc:mysql://%s:3306/%s\nspring.datasource.username=app"
          % (r.choice(["prod", "production settings", "generated"]), r.choice(HOSTS), r.choice(DBS)))
    ctx.secret(m, "archived", "p", "spring.datasource.password={V}")
    ctx.secret(m, "archived", r.choice("rk"), "{dotted}={V}")
    ctx.decoy(m, "placeholder", "spring.mail.password=${MAIL_PASSWORD}", "${MAIL_PASSWORD}")
    return m


def m_env(ctx, name, n):
    r = ctx.r
    m = ctx.c.member(name)
    m.raw("# %s" % r.choice(["production", "deploy", "runtime"]))
    for _ in range(n):
        ctx.secret(m, "archived", r.choice(["r", "r", "k", "p"]), r.choice(["{NAME}={V}", '{NAME}="{V}"']))
        if r.random() < 0.3:
            m.raw(r.choice(["PORT=8080", "LOG_LEVEL=info", "WORKERS=4"]))
    return m


def m_aws(ctx, name):
    m = ctx.c.member(name)
    ctx.secret(m, "archived", "aws", "[default]\naws_access_key_id = {AK}\naws_secret_access_key = {SK}\nregion = eu-west-1")
    return m


def m_json(ctx, name):
    r = ctx.r
    m = ctx.c.member(name)
    m.raw('{\n  "env": "production",\n  "db": {\n    "host": "%s",\n    "user": "app",' % r.choice(HOSTS))
    ctx.secret(m, "archived", "p", '    "password": "{V}"')
    m.raw("  },")
    ctx.secret(m, "archived", r.choice("akr"), '  "{key}": "{V}",')
    m.raw('  "timeoutMs": 3000\n}')
    return m


def m_web_xml(ctx, name):
    m = ctx.c.member(name)
    m.raw('<?xml version="1.0" encoding="UTF-8"?>\n<web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">\n  <display-name>acme-legacy</display-name>\n  <context-param>\n    <param-name>smtp.password</param-name>')
    ctx.secret(m, "archived", "p", "    <param-value>{V}</param-value>")
    m.raw("  </context-param>\n  <servlet>\n    <servlet-name>api</servlet-name>\n    <servlet-class>com.acme.web.ApiServlet</servlet-class>\n  </servlet>\n</web-app>")
    return m


def m_persistence(ctx, name):
    r = ctx.r
    m = ctx.c.member(name)
    m.raw('<?xml version="1.0" encoding="UTF-8"?>\n<persistence version="3.0">\n  <persistence-unit name="acme">\n    <properties>\n      <property name="jakarta.persistence.jdbc.url" value="jdbc:postgresql://%s:5432/%s"/>\n      <property name="jakarta.persistence.jdbc.user" value="app"/>' % (r.choice(HOSTS), r.choice(DBS)))
    ctx.secret(m, "archived", "p", '      <property name="jakarta.persistence.jdbc.password" value="{V}"/>')
    m.raw("    </properties>\n  </persistence-unit>\n</persistence>")
    return m


def m_sql(ctx, name):
    r = ctx.r
    m = ctx.c.member(name)
    m.raw("-- PostgreSQL database dump\n-- Dumped from database version 16.2\nSET statement_timeout = 0;\nSET client_encoding = 'UTF8';\n")
    ctx.secret(m, "archived", "p", "CREATE ROLE reporting WITH LOGIN PASSWORD '{V}';")
    ctx.secret(m, "archived", "p", "ALTER ROLE app WITH PASSWORD '{V}';")
    m.raw("\nCOPY public.api_clients (id, name, client_secret, created_at) FROM stdin;")
    for i in range(r.randint(1, 2)):
        ctx.secret(m, "archived", "k", "%d\t%s\t{V}\t2024-04-%02d 10:00:00+00" % (i + 1, r.choice(["partner", "mobile", "cli"]), r.randint(1, 28)))
    m.raw("\\.\n")
    return m


def m_log(ctx, name):
    r = ctx.r
    m = ctx.c.member(name)
    for _ in range(r.randint(2, 3)):
        for _ in range(r.randint(2, 5)):
            m.raw("2024-04-30T%02d:%02d:%02dZ INFO  GET /v1/orders 200 in %dms" % (r.randint(0, 23), r.randint(0, 59), r.randint(0, 59), r.randint(2, 900)))
        ctx.secret(m, "archived", "s", r.choice(["2024-04-30T11:02:17Z DEBUG retrying with credential {V} after 401",
                                                 "2024-04-30T11:05:40Z WARN  outbound call used header Authorization: Bearer {V}"]))
    return m


def m_py(ctx, name):
    r = ctx.r
    m = ctx.c.member(name)
    m.raw('"""Default settings."""\nimport os\n\nTIMEOUT = 30\nBASE_URL = "https://api.acme.dev/v2"')
    ctx.secret(m, "archived", "r", '{NAME} = os.environ.get("{NAME}", "{V}")')
    ctx.secret(m, "archived", r.choice("kp"), '{NAME} = "{V}"')
    ctx.decoy(m, "placeholder", 'WEBHOOK_SECRET = os.environ["WEBHOOK_SECRET"]', 'os.environ["WEBHOOK_SECRET"]')
    return m


def m_js(ctx, name):
    r = ctx.r
    m = ctx.c.member(name)
    m.raw('"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nconst vscode = require("vscode");')
    ctx.secret(m, "archived", "r", 'const {NAME} = "{V}";')
    ctx.secret(m, "archived", r.choice("ka"), "const client = new ApiClient({ {key}: '{V}', retries: 3 });")
    m.raw("function activate(context) {\n  context.subscriptions.push(vscode.commands.registerCommand('acme.sync', () => client.sync()));\n}\nexports.activate = activate;")
    return m


def m_appsettings(ctx, name):
    m = ctx.c.member(name)
    m.raw('{\n  "Logging": { "LogLevel": { "Default": "Warning" } },\n  "ConnectionStrings": {')
    ctx.secret(m, "archived", "cs", '    "Default": "{CS}"')
    m.raw("  },")
    ctx.secret(m, "archived", "k", '  "Acme": { "ApiKey": "{V}" }')
    m.raw("}")
    return m


def m_values_xml(ctx, name):
    m = ctx.c.member(name)
    m.raw('<?xml version="1.0" encoding="utf-8"?>\n<resources>\n    <string name="app_name">Acme</string>')
    ctx.secret(m, "archived", "gcp_api", '    <string name="google_maps_key" translatable="false">{V}</string>')
    ctx.secret(m, "archived", "k", '    <string name="backend_api_key" translatable="false">{V}</string>')
    ctx.decoy(m, "i18n", '    <string name="password_hint">Password</string>', "Password")
    m.raw("</resources>")
    return m


def m_pem(ctx, name):
    m = ctx.c.member(name)
    ctx.secret(m, "archived", "pem", "{PEM}")
    return m


def m_netrc(ctx, name):
    m = ctx.c.member(name)
    ctx.secret(m, "archived", ctx.r.choice(["ghp", "gho"]), "machine github.com\n  login acme-bot\n  password {V}")
    return m


def m_docker_cfg(ctx, name):
    m = ctx.c.member(name)
    m.raw('{\n  "auths": {')
    ctx.secret(m, "archived", "p", '    "registry.acme.dev": { "auth": "{B64}" }', enc="b64auth", family="dockerhub")
    m.raw("  }\n}")
    return m


def m_k8s_secret(ctx, name):
    r = ctx.r
    m = ctx.c.member(name)
    m.raw("apiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ include \"payments.fullname\" . }}\ntype: Opaque\ndata:")
    for _ in range(2):
        ctx.secret(m, "archived", r.choice(["p", "r", "k"]), "  {skey}: {B64}", enc="b64")
    return m


def m_helm_values(ctx, name):
    m = ctx.c.member(name)
    m.raw("replicaCount: 2\nimage:\n  repository: ghcr.io/acme/payments\n  tag: \"0.4.1\"")
    ctx.secret(m, "archived", "stripe_sk", "stripe:\n  secretKey: {V}")
    ctx.secret(m, "archived", "p", "postgresql:\n  auth:\n    password: {V}")
    ctx.decoy(m, "placeholder", 'webhookSecret: ""  # set with --set', '""')
    return m


# ------------------------------------------------------------ office files

def office_text_secret(ctx, kind):
    """A line of prose that gives away a credential -> (text, item)."""
    r = ctx.r
    k = r.randrange(4)
    if k == 0:
        t = ctx.tok("p")
        return "Prod database password: %s" % t.value, St(t, cls="archived")
    if k == 1:
        t = ctx.tok("s")
        return "CI uses the %s %s (rotate after the migration)" % (t.words, t.value), St(t, cls="archived")
    if k == 2:
        t = ctx.tok("r")
        return "%s=%s" % (t.NAME, t.value), St(t, cls="archived")
    t = ctx.tok("k")
    return "Partner API key for %s: %s" % (r.choice(SVCS), t.value), St(t, cls="archived")


def docx(ctx, name, lines_items):
    """word/document.xml: the XML declaration, then the body on line 2."""
    m = ctx.c.member(name)
    m.raw('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')
    body = "".join('<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % html.escape(t, quote=False) for t, _ in lines_items)
    m.put('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s<w:sectPr/></w:body></w:document>' % body,
          *[it for _, it in lines_items if it])
    return m


CT = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>%s</Types>'
RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="%s"/></Relationships>'


def docx_arc(ctx, lines_items):
    return Arc("docx", [("[Content_Types].xml", CT % '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'),
                        ("_rels/.rels", RELS % "word/document.xml"),
                        ("word/document.xml", docx(ctx, "word/document.xml", lines_items))])


def xlsx_arc(ctx, cells):
    """cells: [(text, item or None)] in shared strings, laid out two per row."""
    m = ctx.c.member("xl/sharedStrings.xml")
    m.raw('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')
    sst = "".join("<si><t>%s</t></si>" % html.escape(t, quote=False) for t, _ in cells)
    m.put('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>' % (len(cells), len(cells), sst),
          *[it for _, it in cells if it])
    rows = "".join('<row r="%d"><c r="A%d" t="s"><v>%d</v></c><c r="B%d" t="s"><v>%d</v></c></row>' % (i // 2 + 1, i // 2 + 1, i, i // 2 + 1, i + 1)
                   for i in range(0, len(cells) - 1, 2))
    sheet = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>' % rows
    wb = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    return Arc("xlsx", [("[Content_Types].xml", CT % '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'),
                        ("_rels/.rels", RELS % "xl/workbook.xml"), ("xl/workbook.xml", wb),
                        ("xl/worksheets/sheet1.xml", sheet), ("xl/sharedStrings.xml", m)])


def pptx_arc(ctx, lines_items):
    m = ctx.c.member("ppt/slides/slide2.xml")
    m.raw('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')
    sp = "".join("<p:sp><p:txBody><a:p><a:r><a:t>%s</a:t></a:r></a:p></p:txBody></p:sp>" % html.escape(t, quote=False) for t, _ in lines_items)
    m.put('<p:sld xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:cSld><p:spTree>%s</p:spTree></p:cSld></p:sld>' % sp,
          *[it for _, it in lines_items if it])
    s1 = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<p:sld xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>Onboarding</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>'
    return Arc("pptx", [("[Content_Types].xml", CT % '<Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/>'),
                        ("_rels/.rels", RELS % "ppt/presentation.xml"),
                        ("ppt/presentation.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>'),
                        ("ppt/slides/slide1.xml", s1), ("ppt/slides/slide2.xml", m)])


def odt_arc(ctx, lines_items):
    m = ctx.c.member("content.xml")
    m.raw('<?xml version="1.0" encoding="UTF-8"?>')
    ps = "".join('<text:p text:style-name="Standard">%s</text:p>' % html.escape(t, quote=False) for t, _ in lines_items)
    m.put('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:text>%s</office:text></office:body></office:document-content>' % ps,
          *[it for _, it in lines_items if it])
    return Arc("odt", [("mimetype", "application/vnd.oasis.opendocument.text"),
                       ("META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">\n <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>\n <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\n</manifest:manifest>\n'),
                       ("content.xml", m)])


# =============================================================== encoded files

def k8s_data(ctx):
    r = ctx.r
    for i in range(5 * ctx.c.scale):
        app = r.choice(["payments", "orders", "gateway", "search", "billing", "ledger"])
        fb = ctx.c.file("deploy/k8s/%s/%s-secret.yaml" % (r.choice(["prod", "staging", "base"]), app))
        fb.raw("apiVersion: v1\nkind: Secret\nmetadata:\n  name: %s-credentials\n  namespace: %s\n  labels:\n    app.kubernetes.io/name: %s\ntype: Opaque\ndata:"
               % (app, r.choice(["prod", "payments", "default"]), app))
        u = r.choice(USERS) + r.choice(["", "_svc", "-prod"])
        fb.put("  username: %s" % b64(u), Dc(b64(u), "non-secret-name", "base64", decoded=u))
        for _ in range(r.randint(3, 5)):
            t = ctx.tok(r.choice("arpk"))
            key = r.choice(["password", "db-password", t.key]) if t.variant == "password" else r.choice([t.NAME, t.name.replace("_", "-"), t.key])
            v = b64(t.value)
            fb.put("  %s: %s" % (key, v), St(t, "base64", text=v))
        if r.random() < 0.5:
            h = r.choice(HOSTS)
            fb.put("  host: %s" % b64(h), Dc(b64(h), "non-secret-name", "base64", decoded=h))
        if r.random() < 0.5:
            ph = r.choice([p for p in PLACEHOLDERS if len(p) >= 12] + ["REPLACE_ME_IN_VAULT", "set-by-ci-pipeline"])
            fb.put("  smtp-password: %s" % b64(ph), Dc(b64(ph), "placeholder", "base64", decoded=ph))
        k = i % 5
        if k == 0:
            url, pw, enc, fam = pct_url(ctx)
            v = b64(url)
            fb.put("  DATABASE_URL: %s" % v, S(pw, fam, "base64>percent", text=span64(url, enc), inter=[enc]))
        elif k == 1:
            doc, pem = gcp_sa(ctx)
            v = b64(doc)
            fb.put("  credentials.json: %s" % v, S(pem, "gcp", "base64>json-escape", text=span64(doc, jesc(pem)), at=v, inter=[jesc(pem)]))
        elif k == 2:
            t = ctx.c.token("docker")
            sec, fam = t.value, t.family
            auth = b64("%s:%s" % (r.choice(USERS), t.value))
            cfg = json.dumps({"auths": {"https://index.docker.io/v1/": {"auth": auth}}}, separators=(",", ":"))
            fb.raw("---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: regcred\ntype: kubernetes.io/dockerconfigjson\ndata:")
            fb.put("  .dockerconfigjson: %s" % b64(cfg), S(sec, fam, "base64>base64", text=span64(cfg, auth), at=b64(cfg), inter=[auth]))
        elif k == 3:
            pem = F.PEMS[r.choice(["pk_rsa", "pk_ec", "pk_pkcs8"])](r)
            cert = pub_pem(ctx)
            fb.raw("---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: %s-tls\ntype: kubernetes.io/tls\ndata:" % app)
            fb.put("  tls.crt: %s" % b64(cert + "\n"), Dc(b64(cert + "\n"), "public-key", "base64", decoded=cert))
            fb.put("  tls.key: %s" % b64(pem + "\n"), S(pem, "private-key", "base64", text=b64(pem + "\n")[:120], at=b64(pem + "\n")))
        else:
            cert = pub_pem(ctx)
            fb.put("  ca.crt: %s" % b64(cert + "\n"), Dc(b64(cert + "\n"), "public-key", "base64", decoded=cert))
            pub = pub_pem(ctx, "PUBLIC KEY")
            fb.put("  jwt-public.pem: %s" % b64(pub + "\n"), Dc(b64(pub + "\n"), "public-key", "base64", decoded=pub))
    for i in range(2 * ctx.c.scale):
        fb = ctx.c.file(r.choice(["deploy/kubeconfig-%s.yaml", "ops/kube/%s.kubeconfig"]) % r.choice(["prod", "staging", "admin"]))
        ca, crt = pub_pem(ctx), pub_pem(ctx)
        key = F.g_pk_rsa(r)
        fb.raw("apiVersion: v1\nkind: Config\nclusters:\n- cluster:")
        fb.put("    certificate-authority-data: %s" % b64(ca + "\n"), Dc(b64(ca + "\n"), "public-key", "base64", decoded=ca))
        fb.raw("    server: https://10.0.%d.%d:6443\n  name: prod\ncontexts:\n- context:\n    cluster: prod\n    user: admin\n  name: prod\ncurrent-context: prod\nusers:\n- name: admin\n  user:" % (r.randint(0, 9), r.randint(2, 250)))
        fb.put("    client-certificate-data: %s" % b64(crt + "\n"), Dc(b64(crt + "\n"), "public-key", "base64", decoded=crt))
        kb = b64(key + "\n")
        fb.put("    client-key-data: %s" % kb, S(key, "private-key", "base64", text=kb[:120], at=kb))


def helm_b64(ctx):
    r = ctx.r
    for i in range(3 * ctx.c.scale):
        chart = r.choice(["api", "worker", "gateway", "payments"])
        fb = ctx.c.file("charts/%s/values-secrets%s.yaml" % (chart, r.choice(["", "-prod"])))
        fb.raw("# base64-encoded, rendered into a Secret by templates/secret.yaml\nreplicaCount: 2\nsecrets:\n  create: true\n  data:")
        for _ in range(r.randint(2, 3)):
            t = ctx.tok(r.choice("rkp"))
            v = b64(t.value)
            fb.put("    %s: %s" % (t.NAME, v), St(t, "base64", text=v))
        doc, toks = env_doc(ctx, r.randint(3, 5))
        e = b64(doc)
        width, ind = r.choice([(76, "  "), (64, "    ")])
        sep = "\n" + ind
        block = ind + wrap(e, width, sep)
        items = [St(t, "base64-wrapped", text=wspan(e, span64(doc, t.value), width, sep), at=block) for t in toks]
        fb.put("%s: |\n%s" % (r.choice(["envFile", "dotenv", "extraEnvB64"]), block), *items)
        t = ctx.tok(r.choice("ak"))
        obj = {"endpoint": "https://%s/v1" % r.choice(HOSTS), t.key: t.value, "retries": 3}
        doc = json.dumps(obj)
        fb.put("configJson: %s" % b64(doc), St(t, "base64", text=span64(doc, t.value), at=b64(doc)))
        fb.raw("service:\n  type: ClusterIP\n  port: 80")


def env_encoded(ctx):
    r = ctx.r
    for i in range(3 * ctx.c.scale):
        fb = ctx.c.file(r.choice(["deploy/prod/.env", "services/reports/.env.production", "ops/ci/.env.ci", "apps/admin/.env"]))
        fb.raw("# %s\nNODE_ENV=production" % r.choice(["generated by deploy", "runtime settings"]))
        if i % 2 == 0:
            doc, pem = gcp_sa(ctx)
            v = b64(doc)
            fb.put("GOOGLE_CREDENTIALS_B64=%s" % v, S(pem, "gcp", "base64>json-escape", text=span64(doc, jesc(pem)), at=v, inter=[jesc(pem)]))
        for _ in range(2):
            t = long_tok(ctx, r.choice("rk"), 12)
            v = b64(t.value)
            fb.put("%s_BASE64=%s" % (t.NAME, v), St(t, "base64", text=v))
        t = long_tok(ctx, r.choice("rkp"), 16)
        v = hexs(t.value)
        fb.put("%s_HEX=%s" % (t.NAME, v), St(t, "hex", text=v))
        url, pw, enc, fam = pct_url(ctx)
        fb.put("%s=%s" % (r.choice(["DATABASE_URL", "PRIMARY_DSN", "BROKER_URL"]), url), S(pw, fam, "percent", text=enc))
        t = ctx.tok("k")
        e, doc = b64url_json(ctx, {"client_id": "acme-%s" % r.choice(["web", "cli", "etl"]), "client_secret": t.value,
                                   "token_url": "https://auth.acme.dev/oauth/token?audience=api"})
        fb.put("SERVICE_CONFIG=%s" % e, St(t, "base64url", text=span64(doc, t.value, url=True), at=e))
        fb.raw("PORT=8080")
        if r.random() < 0.6:
            u = "%s@acme-corp.com" % r.choice(USERS)
            fb.put("SMTP_USER_B64=%s" % b64(u), Dc(b64(u), "non-secret-name", "base64", decoded=u))


def json_escapes(ctx):
    r = ctx.r
    for i in range(3 * ctx.c.scale):
        php = i % 3 == 1
        fb = ctx.c.file(r.choice(["config/runtime.json", "storage/app/settings.json", "var/cache/config.json", "src/assets/env.json"]))
        fb.raw("{")
        t = ctx.c.token(r.choice(["slack_webhook", "slack_webhook", "sentry_dsn"]))
        e = jesc(t.value, slash=True)
        fb.put('  "webhookUrl": "%s",' % e, St(t, "json-escape", text=e))
        pem = F.PEMS[r.choice(["pk_rsa", "pk_ec", "pk_openssh", "pk_pkcs8"])](r) + "\n"
        e = jesc(pem, slash=php)
        fb.put('  "signingKey": "%s",' % e, S(pem.rstrip("\n"), "private-key", "json-escape", text=e))
        pw = pw_emoji(r)
        e = jesc(pw)
        fb.put('  "adminPassword": "%s",' % e, S(pw, "generic-password", "json-escape", text=e))
        pw = F.g_password_urlsafe(r)
        fb.put('  "dsn": "postgres://%s:5432/%s?sslmode=require\\u0026user=app\\u0026password=%s",' % (r.choice(HOSTS), r.choice(DBS), pw),
               S(pw, "postgres", "json-escape"))
        pw = pw_amp(r)
        e = jesc(pw, go=True)
        fb.put('  "smtpPassword": "%s",' % e, S(pw, "generic-password", "json-escape", text=e))
        p = ctx.tok("p")
        fb.put('  "netrc": "machine api.acme.dev\\n\\tlogin deploy\\n\\tpassword %s\\n",' % p.value,
               St(p, "json-escape", at="password %s" % p.value))
        k = ctx.tok("k")
        fb.put('  "settings": "{\\"endpoint\\":\\"https://%s\\",\\"%s\\":\\"%s\\"}",' % (r.choice(HOSTS), k.key, k.value), St(k, "json-escape"))
        ph = r.choice(["<YOUR_API_KEY>", "<your-token>", "<password>"])
        e = jesc(ph, go=True)
        fb.put('  "apiKeyTemplate": "%s",' % e, Dc(e, "placeholder", "json-escape", decoded=ph))
        m = "\u2022" * 10
        fb.put('  "passwordMask": "%s",' % jesc(m), Dc(jesc(m), "masked", "json-escape", decoded=m))
        fb.raw('  "version": %d\n}' % r.randint(2, 9))


BASIC_FIXTURES = 2


def basic_fixtures(ctx):
    r = ctx.r
    sc = ctx.c.scale
    for i in range(2 * sc):
        fb = ctx.c.file("tests/cassettes/%s_%d.yaml" % (r.choice(["billing_sync", "mail_send", "repo_clone", "invoice_list"]), i))
        fb.raw("interactions:")
        for _ in range(3):
            up, sec, fam, url = basic_cred(ctx)
            v = b64(up)
            fb.raw("- request:\n    body: null\n    headers:\n      Accept:\n      - application/json")
            fb.put("      Authorization:\n      - Basic %s" % v, S(sec, fam, "base64", text=v))
            fb.raw("    method: GET\n    uri: %s\n  response:\n    status:\n      code: 200\n      message: OK" % url)
        fb.raw("- request:\n    body:\n      encoding: utf-8")
        pw = F.g_password_special(r)
        fb.put("      string: grant_type=password&username=%s&password=%s&scope=openid" % (r.choice(USERS), pct(pw)),
               S(pw, "generic-password", "percent", text=pct(pw)))
        fb.raw("    headers:\n      Content-Type:\n      - application/x-www-form-urlencoded\n    method: POST\n    uri: https://auth.acme.dev/oauth/token")
        ru = "https://app.acme.dev/auth/callback?next=%2Fsettings"
        fb.put("- request:\n    uri: https://auth.acme.dev/authorize?client_id=acme-web&redirect_uri=%s&state=%s" % (pct(ru), F.rs(r, F.ALNUM, 16)),
               Dc(pct(ru), "identifier", "percent", decoded=ru))
        fb.raw("version: 1")
    for i in range(sc):
        fb = ctx.c.file("tests/fixtures/har/checkout_%d.har" % i)
        fb.raw('{\n  "log": {\n    "version": "1.2",\n    "creator": { "name": "WebInspector", "version": "537.36" },\n    "entries": [')
        for j in range(3):
            up, sec, fam, url = basic_cred(ctx)
            v = b64(up)
            fb.raw('      {\n        "request": {\n          "method": "GET",\n          "url": "%s",\n          "headers": [' % url)
            fb.put('            { "name": "Authorization", "value": "Basic %s" },' % v, S(sec, fam, "base64", text=v))
            fb.raw('            { "name": "Accept", "value": "application/json" }\n          ]\n        }\n      },')
        img, svg = img_uri(ctx)
        fb.put('      { "response": { "content": { "mimeType": "%s", "text": "%s", "encoding": "base64" } } }' % (img[5:].split(";")[0], img.split(",", 1)[1]),
               Dc(img.split(",", 1)[1], "base64-image", "base64", decoded=svg))
        fb.raw("    ]\n  }\n}")
    code = [("py", "tests/test_%s_client.py", '    resp = client.get("/v1/me", headers={"Authorization": "Basic %s"})'),
            ("js", "test/%sClient.test.js", "    const res = await request(app).get('/v1/me').set('Authorization', 'Basic %s');"),
            ("go", "internal/%s/client_test.go", '\treq.Header.Set("Authorization", "Basic %s")'),
            ("rb", "spec/requests/%s_spec.rb", "    get '/v1/me', headers: { 'Authorization' => 'Basic %s' }"),
            ("http", "api/%s-admin.http", "Proxy-Authorization: Basic %s")]
    for lang, pat, tpl in code:
        for i in range(sc):
            fb = ctx.c.file(pat % r.choice(["billing", "orders", "search", "ledger"]))
            fb.raw({"py": "import pytest\n\n\ndef test_me(client):", "js": "describe('me', () => {\n  it('returns the account', async () => {",
                    "go": "package client\n\nfunc TestMe(t *testing.T) {\n\treq := httptest.NewRequest(\"GET\", \"/v1/me\", nil)",
                    "rb": "RSpec.describe 'me' do\n  it 'returns the account' do", "http": "### via proxy\nGET https://api.acme.dev/v1/me"}[lang])
            for _ in range(2 if lang != "http" else 1):
                up, sec, fam, _ = basic_cred(ctx)
                v = b64(up)
                fb.put(tpl % v, S(sec, fam, "base64", text=v))
            if lang == "http":
                fb.raw("\n### token\nPOST https://auth.acme.dev/oauth/token\nContent-Type: application/x-www-form-urlencoded\n")
                k = r.choice([F.g_generic_key(r), F.b64(rnd(r, 32)), F.g_password_special(r)])
                while pct(k) == k:
                    k = F.b64(rnd(r, 32))
                fb.put("grant_type=client_credentials&client_id=acme-%s&client_secret=%s" % (r.choice(["cli", "etl"]), pct(k)),
                       S(k, "generic-api-key", "percent", text=pct(k)))
                ph = "${CLIENT_SECRET}"
                fb.put("\n### template\nPOST https://auth.acme.dev/oauth/token\n\ngrant_type=client_credentials&client_secret=%s" % pct(ph),
                       Dc(pct(ph), "placeholder", "percent", decoded=ph))
            fb.raw({"py": "    assert resp.status_code == 200", "js": "    expect(res.status).toBe(200);\n  });\n});",
                    "go": "\t_ = req\n}", "rb": "    expect(response).to have_http_status(:ok)\n  end\nend", "http": ""}[lang])


def docker_npm(ctx):
    r = ctx.r
    for i in range(2 * ctx.c.scale):
        fb = ctx.c.file(r.choice(["deploy/docker/config.json", "ci/.docker/config.json", "build/docker-auth.json"]))
        fb.raw('{\n  "auths": {')
        t = ctx.tok("p")
        v = b64("%s:%s" % (r.choice(USERS), t.value))
        fb.put('    "registry.acme.dev": { "auth": "%s" },' % v, S(t.value, "dockerhub", "base64", text=v))
        t = ctx.c.token("docker")
        v = b64("%s:%s" % (r.choice(USERS), t.value))
        fb.put('    "https://index.docker.io/v1/": { "auth": "%s" },' % v, St(t, "base64", text=v))
        t = ctx.c.token(r.choice(["ghp", "github_pat"]))
        v = b64("%s:%s" % (r.choice(USERS), t.value))
        fb.put('    "ghcr.io": { "auth": "%s" },' % v, St(t, "base64", text=v))
        doc, pem = gcp_sa(ctx)
        up = "_json_key:" + doc
        v = b64(up)
        fb.put('    "gcr.io": { "auth": "%s" }' % v, S(pem, "gcp", "base64>json-escape", text=span64(up, jesc(pem)), at=v, inter=[jesc(pem)]))
        fb.raw('  },\n  "credHelpers": { "123456789012.dkr.ecr.eu-west-1.amazonaws.com": "ecr-login" }\n}')
    for i in range(2 * ctx.c.scale):
        fb = ctx.c.file(r.choice(["packages/web/.npmrc", "tools/cli/.npmrc", ".yarnrc"]))
        fb.raw("registry=https://npm.acme.dev/\nalways-auth=true\nemail=ci@acme-corp.com")
        t = ctx.tok(r.choice("pk"))
        v = b64("%s:%s" % (r.choice(USERS), t.value))
        fb.put("_auth=%s" % v if not fb.path.endswith(".yarnrc") else '_auth "%s"' % v, S(t.value, "npm", "base64", text=v))
        t = ctx.tok("p")
        v = b64(t.value)
        fb.put("//npm.acme.dev/:username=deploy\n//npm.acme.dev/:_password=%s" % v, S(t.value, "npm", "base64", text=v))


def percent_files(ctx):
    r = ctx.r
    for i in range(3 * ctx.c.scale):
        kind = i % 3
        if kind == 0:
            fb = ctx.c.file(r.choice(["deploy/compose/docker-compose.prod.yml", "infra/compose.yaml"]))
            fb.raw('services:\n  api:\n    image: ghcr.io/acme/api:2.1.0\n    environment:')
            for _ in range(2):
                url, pw, enc, fam = pct_url(ctx)
                fb.put("      %s: \"%s\"" % (r.choice(["DATABASE_URL", "BROKER_URL", "CACHE_URL", "MONGO_URL"]), url), S(pw, fam, "percent", text=enc))
            fb.raw("    ports:\n      - \"8080:8080\"")
        elif kind == 1:
            fb = ctx.c.file(r.choice(["conf/hadoop/core-site.properties", "jobs/etl/s3.properties"]))
            key = b64(rnd(r, 32))  # an Azure Cache for Redis access key
            fb.put("cache.uri=rediss://:%s@acme-prod.redis.cache.windows.net:6380/0" % pct(key),
                   S(key, "redis", "percent", text=pct(key)))
            url, pw, enc, fam = pct_url(ctx)
            fb.put("etl.sink.uri=%s" % url, S(pw, fam, "percent", text=enc))
        else:
            fb = ctx.c.file(r.choice(["scripts/restore-backup.sh", "ops/azure/copy-blobs.sh"]))
            fb.raw("#!/usr/bin/env bash\nset -euo pipefail")
            sig = b64(rnd(r, 32))
            fb.put('azcopy copy "https://acmeprod.blob.core.windows.net/backups/db.tar.gz?sv=2022-11-02&ss=b&srt=o&sp=r&se=2025-12-31T00:00:00Z&st=2024-05-01T00:00:00Z&spr=https&sig=%s" ./restore/' % pct(sig),
                   S(sig, "azure", "percent", text=pct(sig)))
            pw = F.g_password_special(r)
            fb.put("curl -sf -X POST https://auth.acme.dev/login -d 'username=%s&password=%s'" % (r.choice(USERS), pct(pw)),
                   S(pw, "generic-password", "percent", text=pct(pw)))
            ph = "<your-password>"
            fb.put("# usage: curl -d 'username=me&password=%s' https://auth.acme.dev/login" % pct(ph), Dc(pct(ph), "placeholder", "percent", decoded=ph))


def html_entities(ctx):
    r = ctx.r
    for i in range(2 * ctx.c.scale):
        fb = ctx.c.file(r.choice(["web/templates/partials/boot.html", "src/main/webapp/WEB-INF/jsp/settings.jsp", "tests/__snapshots__/settings.html.snap"]))
        fb.raw("<section class=\"settings\">")
        k = ctx.tok("k")
        cfg = json.dumps({"apiBase": "https://api.acme.dev", k.key: k.value}, separators=(",", ":"))
        fb.put('  <div id="app" data-config="%s"></div>' % html.escape(cfg), St(k, "html-entity"))
        pw = pw_html(r)
        e = html.escape(pw)
        fb.put('  <input type="hidden" name="smtp_password" value="%s">' % e, S(pw, "generic-password", "html-entity", text=e))
        pw2 = F.g_password_urlsafe(r)
        while esapi(pw2) == pw2:
            pw2 = F.g_password_urlsafe(r)
        dsn = "postgres://%s:%s@%s:5432/%s" % (r.choice(USERS), pw2, r.choice(HOSTS), r.choice(DBS))
        fb.put('  <a href="#" data-dsn="%s">connection</a>' % esapi(dsn), S(pw2, "postgres", "html-entity", text=esapi(pw2)))
        ph = "<your-api-key>"
        fb.put('  <input name="api_key" placeholder="%s">' % html.escape(ph), Dc(html.escape(ph), "placeholder", "html-entity", decoded=ph))
        nsn = json.dumps({"tokenType": "bearer", "passwordMinLength": 12})
        fb.put('  <script type="application/json" data-auth="%s"></script>' % html.escape(nsn), Dc(html.escape(nsn), "non-secret-name", "html-entity", decoded=nsn))
        fb.raw("</section>")
    for i in range(2 * ctx.c.scale):
        fb = ctx.c.file(r.choice(["src/Acme.Web/Web.Release.config", "conf/server.xml", "config/ldap.xml"]))
        fb.raw('<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <appSettings>')
        for _ in range(2):
            pw = pw_html(r)
            e = html.escape(pw)
            fb.put('    <add key="%s" value="%s" />' % (r.choice(["SmtpPassword", "LdapBindPassword", "ReportDbPassword", "FtpPassword"]), e),
                   S(pw, "generic-password", "html-entity", text=e))
        pw = pw_amp(r)
        e = html.escape(pw)
        fb.put("    <password>%s</password>" % e, S(pw, "generic-password", "html-entity", text=e))
        fb.raw("  </appSettings>\n</configuration>")


def utf16_files(ctx):
    r = ctx.r
    sc = ctx.c.scale
    for i in range(sc):
        fb = ctx.c.file("win/registry/acme-agent%s.reg" % ("" if i == 0 else "-%d" % i), crlf=True)
        fb.encoding, fb.bom = "utf-16-le", True
        fb.raw("Windows Registry Editor Version 5.00\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Acme\\Agent]\n\"ServerUrl\"=\"https://api.acme.dev\"\n\"Interval\"=dword:0000003c")
        ctx.secret(fb, "encoded", "k", '"ApiKey"="{V}"')
        ctx.secret(fb, "encoded", "p", '"ProxyPassword"="{V}"')
        fb.raw("\n[HKEY_CURRENT_USER\\Software\\Acme\\Sync]")
        ctx.secret(fb, "encoded", "s", '"Token"="{V}"')
        u = ctx.uuid()
        fb.put('"InstallationId"="%s"' % u, Dc(u, "uuid"))
        retag(fb, "utf-16le")
        fb = ctx.c.file("win/scripts/Set-ServiceCredentials%s.ps1" % ("" if i == 0 else i), crlf=True)
        fb.encoding, fb.bom = "utf-16-le", True
        fb.raw("#Requires -RunAsAdministrator\nparam([string]$Service = 'AcmeAgent')")
        ctx.secret(fb, "encoded", "p", "$password = ConvertTo-SecureString '{V}' -AsPlainText -Force")
        ctx.secret(fb, "encoded", r.choice(["ghp", "r"]), '$env:{NAME} = "{V}"')
        t = long_tok(ctx, "r", 12)
        v = b64(t.value)
        fb.put('$token = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String("%s"))' % v, St(t, "base64", text=v))
        ph = "(Get-Secret -Name AcmeApiKey -AsPlainText)"
        fb.put("$apiKey = %s" % ph, Dc(ph, "placeholder"))
        retag(fb, "utf-16le")
        fb = ctx.c.file("docs/exports/service-accounts%s.txt" % ("" if i == 0 else "-%d" % i))
        fb.encoding, fb.bom = "utf-16-be", True
        fb.raw("Service accounts export (%s)\n" % r.choice(["2024-04", "2024-05"]))
        for tpl, vt in [("Account: {user}\nPassword: {V}", "p"), ("{NAME}={V}", "r"), ("{NAME}={V}", "s")]:
            ctx.secret(fb, "encoded", vt, tpl)
            fb.raw("")
        ph = "<to be rotated>"
        fb.put("Backup account password: %s" % ph, Dc(ph, "placeholder"))
        retag(fb, "utf-16be")
        fb = ctx.c.file("config/legacy/settings.utf16%s.json" % ("" if i == 0 else i))
        fb.encoding = "utf-16-le"
        fb.raw("{")
        ctx.secret(fb, "encoded", "p", '  "dbPassword": "{V}",')
        ctx.secret(fb, "encoded", r.choice(["a", "r"]), '  "{key}": "{V}",')
        u = ctx.uuid()
        fb.put('  "tenantId": "%s"' % u, Dc(u, "uuid"))
        fb.raw("}")
        retag(fb, "utf-16le")
        fb = ctx.c.file("win/rdp/prod-bastion%s.rdp" % ("" if i == 0 else i), crlf=True)
        fb.encoding, fb.bom = "utf-16-le", True
        fb.raw("screen mode id:i:2\nfull address:s:bastion.acme.io\nusername:s:ACME\\%s" % r.choice(USERS))
        blob = "01000000D08C9DDF0115D1118C7A00C04FC297EB01000000" + hexs(rnd(r, r.randint(150, 260)), upper=True)
        fb.put("password 51:b:%s" % blob, Dc(blob, "binary-blob", "hex"))
        fb.raw("prompt for credentials:i:0")
        retag(fb, "utf-16le")


CODE_ENC = [
    ("py", "src/acme/{f}.py", [("b64", 'API_TOKEN = base64.b64decode("{E}").decode()'), ("hex", 'SECRET = bytes.fromhex("{E}").decode()'),
                               ("b64u", 'KEY = base64.urlsafe_b64decode(_pad("{E}"))')]),
    ("js", "src/lib/{f}.js", [("b64", "const token = atob('{E}');"), ("hex", "const secret = Buffer.from('{E}', 'hex').toString('utf8');"),
                              ("b64u", "const key = Buffer.from('{E}', 'base64url').toString();")]),
    ("go", "internal/{f}/creds.go", [("b64", 'tok, _ := base64.StdEncoding.DecodeString("{E}")'), ("hex", 'raw, _ := hex.DecodeString("{E}")'),
                                     ("b64u", 'k, _ := base64.RawURLEncoding.DecodeString("{E}")')]),
    ("java", "src/main/java/com/acme/{F}Credentials.java", [("b64", '    private static final String PW = new String(Base64.getDecoder().decode("{E}"), UTF_8);'),
                                                            ("b64u", '    private static final byte[] KEY = Base64.getUrlDecoder().decode("{E}");')]),
    ("cs", "src/Acme.Core/{F}Secrets.cs", [("b64", '        var secret = Encoding.UTF8.GetString(Convert.FromBase64String("{E}"));'),
                                          ("HEX", '        var key = Encoding.UTF8.GetString(Convert.FromHexString("{E}"));')]),
    ("rb", "lib/acme/{f}.rb", [("b64", "  TOKEN = Base64.decode64('{E}')"), ("hex", "  KEY = ['{E}'].pack('H*')")]),
    ("sh", "scripts/{f}.sh", [("b64", 'export {NAME}="$(echo \'{E}\' | base64 -d)"'), ("hex", "export {NAME}=$(echo {E} | xxd -r -p)")]),
    ("php", "app/Support/{F}Keys.php", [("b64", "    private const TOKEN = base64_decode('{E}');"), ("hex", "    private const SECRET = hex2bin('{E}');")]),
]
CODE_HEAD = {"py": "import base64\n\n", "js": "'use strict';\n", "go": "package creds\n\nimport (\n\t\"encoding/base64\"\n\t\"encoding/hex\"\n)\n\nfunc load() {",
             "java": "package com.acme;\n\nimport java.util.Base64;\nimport static java.nio.charset.StandardCharsets.UTF_8;\n\nfinal class Credentials {",
             "cs": "using System;\nusing System.Text;\n\nnamespace Acme.Core;\n\ninternal static class Secrets\n{\n    static void Load()\n    {",
             "rb": "require 'base64'\n\nmodule Acme", "sh": "#!/usr/bin/env bash\nset -euo pipefail", "php": "<?php\n\nnamespace App\\Support;\n\nfinal class Keys\n{"}
CODE_TAIL = {"py": "", "js": "module.exports = { token, secret, key };", "go": "\t_, _, _ = tok, raw, k\n}", "java": "}", "cs": "    }\n}",
             "rb": "end", "sh": "", "php": "}"}


def code_encoded(ctx):
    r = ctx.r
    for i in range(ctx.c.scale):
        for lang, pat, snippets in CODE_ENC:
            f = r.choice(["settings", "vendor", "bootstrap", "legacy_auth", "partner"])
            fb = ctx.c.file(pat.replace("{f}", f).replace("{F}", "".join(x.capitalize() for x in f.split("_"))))
            fb.raw(CODE_HEAD[lang])
            for kind, tpl in snippets:
                for _ in range(r.randint(1, 2)):
                    t = long_tok(ctx, r.choice("rrkp"), 16 if kind in ("hex", "HEX") else 12)
                    if kind == "b64":
                        e, enc = b64(t.value), "base64"
                    elif kind == "b64u":
                        e, enc = b64url(t.value), "base64url"
                    else:
                        e, enc = hexs(t.value, upper=kind == "HEX"), "hex"
                    fb.put(sub(tpl, dict(E=e, NAME=t.NAME)), St(t, enc, text=e))
            if lang in ("js", "py"):
                t = ctx.tok("k")
                doc = json.dumps({"endpoint": "https://%s" % r.choice(HOSTS), t.key: t.value})
                v = b64(doc)
                fb.put({"js": "const cfg = JSON.parse(atob('%s'));", "py": 'CFG = json.loads(base64.b64decode("%s"))'}[lang] % v,
                       St(t, "base64", text=span64(doc, t.value), at=v))
            fb.raw(CODE_TAIL[lang])


# ============================================================== encoded decoys

def web_decoys(ctx):
    r = ctx.r
    sc = ctx.c.scale
    for i in range(3 * sc):
        fb = ctx.c.file(r.choice(["web/static/css/fonts.css", "public/css/theme.css", "docs-site/assets/style.css"]))
        for fam in r.sample(["Inter", "Roboto Mono", "Acme Sans", "Fira Code"], 2):
            f = font_uri(r)
            fb.raw("@font-face {\n  font-family: \"%s\";\n  font-display: swap;" % fam)
            fb.put("  src: url(%s) format(\"woff2\");" % f, Dc(f, "base64-font", "base64"))
            fb.raw("}")
        for _ in range(2):
            img, svg = img_uri(ctx)
            fb.raw(".icon-%s {" % r.choice(["key", "lock", "user", "home"]))
            fb.put('  background-image: url("%s");' % img, Dc(img, "base64-image", "base64", decoded=svg))
            fb.raw("}")
    for i in range(3 * sc):
        fb = ctx.c.file(r.choice(["web/templates/login.html", "public/signin.html", "src/main/resources/templates/auth.html"]))
        fb.raw('<!doctype html>\n<html lang="en">\n<head>\n  <meta charset="utf-8">')
        for lib in r.sample(["alpinejs@3.13.5/dist/cdn.min.js", "htmx.org@1.9.10/dist/htmx.min.js", "dompurify@3.0.9/dist/purify.min.js",
                             "zxcvbn@4.4.2/dist/zxcvbn.js"], 2):
            sri = "sha384-" + b64(rnd(r, 48))
            fb.put('  <script src="https://cdn.jsdelivr.net/npm/%s" integrity="%s" crossorigin="anonymous"></script>' % (lib, sri), Dc(sri, "sri", "base64"))
        fb.raw("</head>\n<body>")
        img, svg = img_uri(ctx)
        fb.put('  <img class="logo" alt="Acme" src="%s">' % img, Dc(img, "base64-image", "base64", decoded=svg))
        fb.raw('  <form method="post" action="/login">\n    <input type="password" name="password" autocomplete="current-password">\n  </form>\n</body>\n</html>')
    for i in range(4 * sc):
        name = "bundle.%s.min.js" % F.rs(r, F.HEX, 8)
        fb = ctx.c.file("public/assets/js/" + name, difficulty="minified")
        parts = min_filler(r, r.choice([12, 20, 40]) * 1000)
        decoys = []
        for _ in range(r.randint(3, 5)):
            k = r.randrange(5)
            if k == 0:
                wasm = b"\x00asm\x01\x00\x00\x00" + rnd(r, r.randint(300, 1500))
                v = b64(wasm)
                parts.insert(r.randrange(len(parts) + 1), 'var W="%s";' % v)
                decoys.append(Dc(v, "minified-base64", "base64"))
            elif k == 1:
                cfgd = json.dumps({"apiBase": "https://api.acme.dev", "features": ["search", "export"], "tokenType": "bearer",
                                   "passwordMinLength": 12}, separators=(",", ":"))
                v = b64(cfgd)
                parts.insert(r.randrange(len(parts) + 1), 'var C=JSON.parse(atob("%s"));' % v)
                decoys.append(Dc(v, "minified-base64", "base64", decoded=cfgd))
            elif k == 2:
                lbl = r.choice(["Please enter your password", "Your API key was copied to the clipboard", "Session token expired, sign in again"])
                v = b64(lbl)
                parts.insert(r.randrange(len(parts) + 1), 'var L=atob("%s");' % v)
                decoys.append(Dc(v, "minified-base64", "base64", decoded=lbl))
            elif k == 3:
                img, svg = img_uri(ctx)
                parts.insert(r.randrange(len(parts) + 1), 'var I="%s";' % img)
                decoys.append(Dc(img, "base64-image", "base64", decoded=svg))
            else:
                f = font_uri(r)
                parts.insert(r.randrange(len(parts) + 1), 'var Fo="%s";' % f)
                decoys.append(Dc(f, "base64-font", "base64"))
        fb.put("!function(){" + "".join(parts) + "}();", *decoys)
        sm = source_map(ctx, name)
        v = "data:application/json;charset=utf-8;base64," + b64(sm)
        fb.put("//# sourceMappingURL=%s" % v, Dc(v, "source-map", "base64", decoded=sm))
    for i in range(2 * sc):
        name = "%s.js" % r.choice(["main", "vendor", "runtime"])
        fb = ctx.c.file("dist/%s/%s" % (r.choice(["admin", "portal"]), name))
        fb.raw('"use strict";\n(() => {\n  const root = document.getElementById("app");\n  root.dataset.ready = "1";\n})();')
        sm = source_map(ctx, name)
        v = "data:application/json;base64," + b64(sm)
        fb.put("//# sourceMappingURL=%s" % v, Dc(v, "source-map", "base64", decoded=sm))


def blob_decoys(ctx):
    r = ctx.r
    sc = ctx.c.scale
    for i in range(3 * sc):
        fb = ctx.c.file("tests/fixtures/pubsub/order_created_%d.json" % i)
        v = b64(protobuf(ctx))
        fb.raw('{\n  "message": {\n    "attributes": { "contentType": "application/protobuf" },')
        fb.put('    "data": "%s",' % v, Dc(v, "binary-blob", "base64"))
        fb.raw('    "messageId": "%s",\n    "publishTime": "2024-05-02T10:%02d:00Z"\n  },\n  "subscription": "projects/acme/subscriptions/orders"\n}' % (F.rs(r, string.digits, 16), r.randint(0, 59)))
    for i in range(2 * sc):
        fb = ctx.c.file("testdata/responses/report_%d.json" % i)
        v = b64(gz_json(ctx))
        fb.put('{"encoding": "gzip", "payload": "%s"}' % v, Dc(v, "binary-blob", "base64"))
    for i in range(2 * sc):
        fb = ctx.c.file("tests/fixtures/kafka/payments_%d.yaml" % i)
        blob = b64(protobuf(ctx) + protobuf(ctx) + protobuf(ctx))
        block = "    " + wrap(blob, 76, "\n    ")
        fb.raw("topic: payments.v1\npartition: %d\noffset: %d\nkey: order-%d" % (r.randint(0, 11), r.randint(1, 10 ** 6), r.randint(1, 99999)))
        fb.put("value: !!binary |\n%s" % block, Dc(block, "binary-blob", "base64-wrapped"))
    for i in range(sc):
        fb = ctx.c.file("certs/ca-bundle%s.pem" % ("" if i == 0 else "-%d" % i))
        for _ in range(3):
            c = pub_pem(ctx)
            fb.raw("# %s" % r.choice(["Acme Root CA 2023", "Acme Issuing CA", "Partner Gateway CA"]))
            fb.put(c, Dc(c, "public-key", "base64-wrapped"))
        fb = ctx.c.file("config/jwt/jwks%s.json" % ("" if i == 0 else "-%d" % i))
        fb.raw('{\n  "keys": [')
        for j in range(2):
            n = b64url(b"\xc1" + rnd(r, 255))
            fb.put('    { "kty": "RSA", "use": "sig", "alg": "RS256", "kid": "%s", "n": "%s", "e": "AQAB" }%s' % (F.rs(r, F.HEX, 16), n, "," if j == 0 else ""),
                   Dc(n, "public-key", "base64url"))
        fb.raw("  ]\n}")
    for i in range(sc):
        fb = ctx.c.file("dist/SHA256SUMS" if i == 0 else "dist/SHA256SUMS-%d" % i)
        for tgt in ["linux-amd64", "linux-arm64", "darwin-amd64", "darwin-arm64", "windows-amd64.exe"]:
            h = ctx.digest("sha256")
            fb.put("%s  acme-cli-2.3.0-%s.tar.gz" % (h, tgt), Dc(h, "hash", "hex"))
        fb = ctx.c.file("config/release%s.json" % ("" if i == 0 else "-%d" % i))
        fb.raw("{")
        for nm in ["sha256", "sourceDigest", "buildHash"]:
            h = ctx.digest(r.choice(["sha256", "sha1"]))
            fb.put('  "%s": "%s",' % (nm, h), Dc(h, "hash", "hex"))
        for nm in ["salt", "iv"]:
            h = hexs(rnd(r, 16))
            fb.put('  "%s": "%s",' % (nm, h), Dc(h, "non-secret-name", "hex"))
        banner = r.choice(["Welcome to the Acme staging cluster", "Authorized use only - activity is logged"])
        fb.put('  "bannerHex": "%s"' % hexs(banner), Dc(hexs(banner), "encoded-text", "hex", decoded=banner))
        fb.raw("}")
    for i in range(sc):
        fb = ctx.c.file("services/web/package-lock.json" if i == 0 else "services/web%d/package-lock.json" % i)
        fb.raw('{\n  "name": "acme-web",\n  "lockfileVersion": 3,\n  "packages": {')
        for p in r.sample(["left-pad", "nanoid", "clsx", "zustand", "immer", "date-fns", "dayjs", "ky"], 6):
            integ = "sha512-" + b64(rnd(r, 64))
            fb.raw('    "node_modules/%s": {\n      "version": "%d.%d.%d",' % (p, r.randint(0, 9), r.randint(0, 30), r.randint(0, 20)))
            fb.put('      "integrity": "%s"' % integ, Dc(integ, "lockfile", "base64"))
            fb.raw("    },")
        fb.raw('    "": { "name": "acme-web" }\n  }\n}')


# =================================================================== archives

def archives(ctx):
    r = ctx.r
    for i in range(ctx.c.scale):
        sfx = "" if i == 0 else "-%d" % i
        # Spring Boot fat jar, with a library jar inside
        svc = r.choice(["orders", "billing", "ledger"])
        lib = Arc("jar", [("META-INF/MANIFEST.MF", manifest(ctx, "acme-common", "1.8.0")),
                          ("acme-common.properties", m_props(ctx, "acme-common.properties"))] + classes(ctx, "com/acme/common", ["Http", "Retry"]))
        archive(ctx, "build/libs/%s-service-1.4.2%s.jar" % (svc, sfx), Arc("jar", [
            ("META-INF/MANIFEST.MF", manifest(ctx, svc + "-service", "1.4.2", "com.acme.%s.Application" % svc)),
            ("BOOT-INF/classes/application.yml", m_spring_yml(ctx, "application.yml")),
            ("BOOT-INF/classes/application-prod.properties", m_props(ctx, "application-prod.properties"))]
            + classes(ctx, "BOOT-INF/classes/com/acme/" + svc, ["Application", "OrderController", "DataSourceConfig"])
            + [("BOOT-INF/lib/acme-common-1.8.0.jar", lib)]))

        def core_jar():
            return Arc("jar", [("META-INF/MANIFEST.MF", manifest(ctx, "core", "3.0.2")),
                               ("config/application.yml", m_spring_yml(ctx, "application.yml"))] + classes(ctx, "com/acme/core", ["Core", "Config"]))

        def war():
            return Arc("war", [("WEB-INF/web.xml", m_web_xml(ctx, "web.xml")),
                               ("WEB-INF/classes/db.properties", m_props(ctx, "db.properties")),
                               ("WEB-INF/lib/core.jar", core_jar()),
                               ("index.jsp", '<%@ page contentType="text/html;charset=UTF-8" %>\n<html><body>acme</body></html>\n')])
        archive(ctx, "deploy/legacy/acme-web%s.war" % sfx, war())
        archive(ctx, "release/acme-platform-2.3.0%s.tar.gz" % sfx, Arc("tar.gz", [
            ("acme-platform/README.txt", "Unpack into /opt and run bin/start.sh\n"),
            ("acme-platform/conf/.env", m_env(ctx, ".env", 3)),
            ("acme-platform/webapps/acme.war", war())]))
        archive(ctx, "dist/acme-suite-1.0%s.ear" % sfx, Arc("ear", [
            ("META-INF/application.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<application version="10">\n  <module><ejb>acme-ejb.jar</ejb></module>\n</application>\n'),
            ("lib/acme-ejb.jar", Arc("jar", [("META-INF/persistence.xml", m_persistence(ctx, "persistence.xml"))] + classes(ctx, "com/acme/ejb", ["OrderBean"])))]))
        # Android and other package formats
        archive(ctx, "android/release/app-release%s.apk" % sfx, Arc("apk", [
            ("AndroidManifest.xml", b"\x03\x00\x08\x00" + rnd(r, 900)), ("classes.dex", b"dex\n035\x00" + rnd(r, 3000)),
            ("assets/config.json", m_json(ctx, "config.json")), ("resources.arsc", b"\x02\x00\x0c\x00" + rnd(r, 600))]))
        archive(ctx, "android/libs/acme-sdk-2.0.1%s.aar" % sfx, Arc("aar", [
            ("AndroidManifest.xml", '<?xml version="1.0" encoding="utf-8"?>\n<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.acme.sdk" />\n'),
            ("classes.jar", Arc("jar", classes(ctx, "com/acme/sdk", ["Client", "Auth"]))),
            ("res/values/values.xml", m_values_xml(ctx, "values.xml")), ("R.txt", "int string app_name 0x7f0e001b\n")]))
        rec = ctx.c.member("RECORD")
        pyfiles = [("acme_client/__init__.py", "from ._settings import *  # noqa\n__version__ = \"1.2.0\"\n"),
                   ("acme_client/_settings.py", m_py(ctx, "_settings.py"))]
        for name, obj in pyfiles:
            h = b64url(rnd(r, 32))
            rec.put("%s,sha256=%s,%d" % (name, h, r.randint(200, 4000)), Dc(h, "hash", "base64url", cls="archived"))
        rec.raw("acme_client-1.2.0.dist-info/METADATA,,\nacme_client-1.2.0.dist-info/RECORD,,")
        archive(ctx, "dist/acme_client-1.2.0%s-py3-none-any.whl" % sfx, Arc("whl", pyfiles + [
            ("acme_client-1.2.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: acme-client\nVersion: 1.2.0\n"),
            ("acme_client-1.2.0.dist-info/WHEEL", "Wheel-Version: 1.0\nGenerator: bdist_wheel (0.43.0)\nRoot-Is-Purelib: true\nTag: py3-none-any\n"),
            ("acme_client-1.2.0.dist-info/RECORD", rec)]))
        archive(ctx, "vendor/eggs/acme_tools-0.9-py3.8%s.egg" % sfx, Arc("egg", [
            ("EGG-INFO/PKG-INFO", "Metadata-Version: 1.1\nName: acme-tools\nVersion: 0.9\n"),
            ("acme_tools/__init__.py", ""), ("acme_tools/config.py", m_py(ctx, "config.py")),
            ("acme_tools/__init__.pyc", b"\x55\x0d\x0d\x0a" + rnd(r, 200))]))
        archive(ctx, "packages/Acme.Client.3.1.0%s.nupkg" % sfx, Arc("nupkg", [
            ("Acme.Client.nuspec", '<?xml version="1.0" encoding="utf-8"?>\n<package><metadata><id>Acme.Client</id><version>3.1.0</version><authors>acme</authors></metadata></package>\n'),
            ("lib/net8.0/Acme.Client.dll", b"MZ\x90\x00\x03\x00\x00\x00" + rnd(r, 2000)),
            ("contentFiles/any/any/appsettings.json", m_appsettings(ctx, "appsettings.json"))]))
        archive(ctx, "extensions/acme-vscode-1.0.3%s.vsix" % sfx, Arc("vsix", [
            ("extension.vsixmanifest", '<?xml version="1.0" encoding="utf-8"?>\n<PackageManifest Version="2.0.0"><Metadata><Identity Id="acme-vscode" Version="1.0.3" Publisher="acme"/></Metadata></PackageManifest>\n'),
            ("extension/package.json", '{\n  "name": "acme-vscode",\n  "version": "1.0.3",\n  "main": "./out/extension.js"\n}\n'),
            ("extension/out/extension.js", m_js(ctx, "extension.js"))]))
        archive(ctx, "browser/acme-helper-0.3%s.xpi" % sfx, Arc("xpi", [
            ("manifest.json", '{\n  "manifest_version": 2,\n  "name": "Acme helper",\n  "version": "0.3",\n  "background": { "scripts": ["background.js"] }\n}\n'),
            ("background.js", m_js(ctx, "background.js"))]))
        # office documents
        archive(ctx, "docs/handover/ops-handover%s.docx" % sfx, docx_arc(ctx, [("Ops handover, May 2024", None)] + [office_text_secret(ctx, "docx") for _ in range(2)]
                                                                        + [("Rotate everything listed here after the audit.", None)]))
        archive(ctx, "docs/admin/credentials%s.xlsx" % sfx, xlsx_arc(ctx, [("System", None), ("Credential", None)]
                                                                        + [x for _ in range(3) for x in (("svc-%s" % r.choice(SVCS).lower(), None), office_text_secret(ctx, "xlsx"))]))
        archive(ctx, "docs/onboarding/platform-intro%s.pptx" % sfx, pptx_arc(ctx, [("Getting access", None), office_text_secret(ctx, "pptx")]))
        archive(ctx, "docs/runbooks/db-failover%s.odt" % sfx, odt_arc(ctx, [("Failover runbook", None)] + [office_text_secret(ctx, "odt") for _ in range(2)]))
        # tarballs and compressed single files
        archive(ctx, "backups/etc-2024-05-01%s.tar" % sfx, Arc("tar", [
            ("etc/acme/app.env", m_env(ctx, "app.env", 3)), ("home/deploy/.aws/credentials", m_aws(ctx, "credentials")),
            ("etc/hostname", "app-prod-01\n")]))
        archive(ctx, "backups/home-deploy%s.tar.bz2" % sfx, Arc("tar.bz2", [
            ("home/deploy/.ssh/id_rsa", m_pem(ctx, "id_rsa")), ("home/deploy/.netrc", m_netrc(ctx, ".netrc")),
            ("home/deploy/.docker/config.json", m_docker_cfg(ctx, "config.json")),
            ("home/deploy/.bashrc", "export PATH=$HOME/bin:$PATH\nalias ll='ls -la'\n")]))
        archive(ctx, "backups/config-2024-04%s.tar.xz" % sfx, Arc("tar.xz", [
            ("config/settings.yaml", m_spring_yml(ctx, "settings.yaml")), ("config/secrets.json", m_json(ctx, "secrets.json"))]))
        archive(ctx, "db/dumps/prod-roles-2024-05-01%s.sql.gz" % sfx, Arc("gz", [("prod-roles-2024-05-01.sql", m_sql(ctx, "dump.sql"))]))
        archive(ctx, "logs/archive/api-2024-04-30%s.log.gz" % sfx, Arc("gz", [("api-2024-04-30.log", m_log(ctx, "api.log"))]))
        archive(ctx, "config/legacy/settings%s.yml.bz2" % sfx, Arc("bz2", [("settings.yml", m_spring_yml(ctx, "settings.yml"))]))
        archive(ctx, "deploy/secrets%s.env.xz" % sfx, Arc("xz", [("secrets.env", m_env(ctx, "secrets.env", 2))]))
        archive(ctx, "artifacts/build-1881%s.zip" % sfx, Arc("zip", [
            ("deploy/.env", m_env(ctx, ".env", 2)), ("build/app.jar", Arc("jar", [
                ("META-INF/MANIFEST.MF", manifest(ctx, "app", "0.9.1")),
                ("BOOT-INF/classes/application.yml", m_spring_yml(ctx, "application.yml"))] + classes(ctx, "com/acme/app", ["Main"])))]))
        archive(ctx, "charts/packages/payments-0.4.1%s.tgz" % sfx, Arc("tar.gz", [
            ("payments/Chart.yaml", "apiVersion: v2\nname: payments\nversion: 0.4.1\n"),
            ("payments/values.yaml", m_helm_values(ctx, "values.yaml")),
            ("payments/templates/secret.yaml", m_k8s_secret(ctx, "secret.yaml"))]))


def archive_decoys(ctx):
    r = ctx.r
    for i in range(ctx.c.scale):
        sfx = "" if i == 0 else "-%d" % i
        # a signed library jar: class files, and a manifest of digests
        names = ["Secret", "Sensitive", "Redact", "TokenScope", "PasswordPolicy"]
        mf = ctx.c.member("MANIFEST.MF", crlf=True)
        mf.raw("Manifest-Version: 1.0\nCreated-By: 17.0.9 (Eclipse Adoptium)\nImplementation-Title: acme-annotations\nImplementation-Version: 2.1.0\n")
        for n in names:
            d = b64(rnd(r, 32))
            mf.raw("Name: com/acme/annotations/%s.class" % n)
            mf.put("SHA-256-Digest: %s\n" % d, Dc(d, "hash", "base64", cls="archived"))
        sf = ctx.c.member("ACME.SF", crlf=True)
        d = b64(rnd(r, 32))
        sf.put("Signature-Version: 1.0\nSHA-256-Digest-Manifest: %s\nCreated-By: 17.0.9 (Eclipse Adoptium)\n" % d, Dc(d, "hash", "base64", cls="archived"))
        archive(ctx, "libs/acme-annotations-2.1.0%s.jar" % sfx, Arc("jar", [("META-INF/MANIFEST.MF", mf), ("META-INF/ACME.SF", sf),
                                                                           ("META-INF/ACME.RSA", b"\x30\x82\x05\x8a" + rnd(r, 1400))]
                                                      + classes(ctx, "com/acme/annotations", names)))
        # a spreadsheet with harmless cells
        u, h = ctx.uuid(), ctx.digest("sha256")
        cells = [("Setting", None), ("Value", None), ("Password policy", None), ("12+ characters, rotated every 90 days", None),
                 ("Tenant ID", None), (u, Dc(u, "uuid", cls="archived")), ("Release checksum", None), (h, Dc(h, "hash", "hex", cls="archived")),
                 ("API key", None), ("<your-api-key>", Dc("&lt;your-api-key&gt;", "placeholder", "html-entity", cls="archived", decoded="<your-api-key>")),
                 ("Token type", None), ("bearer", Dc("bearer", "non-secret-name", cls="archived"))]
        archive(ctx, "reports/q1-metrics%s.xlsx" % sfx, xlsx_arc(ctx, cells))
        # a document template with placeholders only
        archive(ctx, "docs/templates/service-request%s.docx" % sfx, docx_arc(ctx, [
            ("Service request", None), ("API_KEY=<paste your key here>", Dc("&lt;paste your key here&gt;", "placeholder", "html-entity", cls="archived", decoded="<paste your key here>")),
            ("Password: ********", Dc("********", "masked", cls="archived"))]))
        # an npm package tarball: images, placeholders
        js = ctx.c.member("index.js")
        js.raw('"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });')
        for _ in range(2):
            img, svg = img_uri(ctx)
            js.put('exports.%s = "%s";' % (r.choice(["logo", "spinner", "avatar", "badge"]), img), Dc(img, "base64-image", "base64", cls="archived", decoded=svg))
        js.put("const apiKey = process.env.ACME_API_KEY;", Dc("process.env.ACME_API_KEY", "placeholder", cls="archived"))
        rd = ctx.c.member("README.md")
        rd.raw("# @acme/ui\n\n```bash")
        rd.put("export ACME_API_KEY=<your-key>", Dc("<your-key>", "placeholder", cls="archived"))
        rd.raw("```")
        archive(ctx, "vendor/npm/acme-ui-3.2.1%s.tgz" % sfx, Arc("tar.gz", [
            ("package/package.json", '{\n  "name": "@acme/ui",\n  "version": "3.2.1",\n  "main": "dist/index.js"\n}\n'),
            ("package/dist/index.js", js), ("package/README.md", rd)]))


# ============================================================ tag old decoys

def tag_plain_decoys(c):
    """Decoys built before this module whose value is itself encoded-looking get an
    `encoding` too, so the per-encoding table shows what a decoder meets in them."""
    for fb in c.files.values():
        for it in fb.items:
            if it["kind"] != "decoy" or "encoding" in it:
                continue
            v = it["secret"]
            cls = it.get("decoy_class")
            if v.startswith("data:image/") or cls == "sri" or v.startswith(("sha512-", "sha384-", "sha256-", "h1:")):
                it["encoding"] = "base64"
            elif cls in ("hash", "lockfile") and len(v) >= 32 and all(ch in "0123456789abcdef" for ch in v):
                it["encoding"] = "hex"
            elif cls == "public-key" and "\n" in v and "-----BEGIN" in v:
                it["encoding"] = "base64-wrapped"
            elif cls == "public-key" and v.startswith(("ssh-", "ecdsa-")):
                it["encoding"] = "base64"


def build(ctx):
    tag_plain_decoys(ctx.c)
    k8s_data(ctx)
    helm_b64(ctx)
    env_encoded(ctx)
    json_escapes(ctx)
    basic_fixtures(ctx)
    docker_npm(ctx)
    percent_files(ctx)
    html_entities(ctx)
    utf16_files(ctx)
    code_encoded(ctx)
    web_decoys(ctx)
    blob_decoys(ctx)
    archives(ctx)
    archive_decoys(ctx)
