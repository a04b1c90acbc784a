"""Token formats for the labelled corpus: one table, one generator per shape.

Every value is random (from the caller's seeded RNG) but has the documented
shape of the provider's credential.  Nothing here is a real credential.

FAMILIES maps a variant name to (family, generator, names, words):
  family  -- the provider family written to the answer key
  gen     -- fn(rng) -> value
  names   -- variable / env names a developer would use for it
  words   -- the provider in words (for comments and prose)
"""

import base64
import string
import zlib

B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"
HEXU = "0123456789ABCDEF"
B64 = string.ascii_uppercase + string.ascii_lowercase + string.digits + "+/"
B64URL = string.ascii_uppercase + string.ascii_lowercase + string.digits + "-_"
B32 = string.ascii_uppercase + "234567"
LOWER = string.ascii_lowercase
UPPER = string.ascii_uppercase


def rs(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def mixed(rng, alphabet, n):
    """Random string that has at least one upper, one lower and one digit when the
    alphabet allows (so values look like the real, high-entropy thing)."""
    while True:
        s = rs(rng, alphabet, n)
        need = [c for c in (UPPER, LOWER, string.digits) if set(c) & set(alphabet)]
        if n < 8 or all(any(ch in cls for ch in s) for cls in need):
            return s


def base62(n, width):
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = B62[r] + out
    return out.rjust(width, "0")


def crc_token(rng, prefix, body_len=30, valid=True):
    body = mixed(rng, ALNUM, body_len)
    crc = zlib.crc32(body.encode())
    if not valid:
        crc = (crc + 1 + rng.randrange(1 << 20)) & 0xFFFFFFFF
    return prefix + body + base62(crc, 6)


def b64(s):
    return base64.b64encode(s.encode() if isinstance(s, str) else s).decode()


def b64url_nopad(b):
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


# ---------------------------------------------------------------- generators

def g_github(prefix):
    return lambda r: crc_token(r, prefix)


def g_github_fine(r):
    return "github_pat_" + mixed(r, ALNUM, 22) + "_" + mixed(r, ALNUM, 59)


def g_gitlab(prefix, n=20, alpha=ALNUM + "-_"):
    return lambda r: prefix + mixed(r, alpha, n)


def g_glcbt(r):
    return "glcbt-" + rs(r, "0123456789abcdef", 2) + "_" + mixed(r, ALNUM + "_-", 20)


def g_aws_akia(r):
    return "AKIA" + rs(r, B32, 16)


def g_aws_asia(r):
    return "ASIA" + rs(r, B32, 16)


def g_aws_secret(r):
    return mixed(r, ALNUM + "+/", 40)


def g_gcp_api(r):
    return "AIza" + mixed(r, ALNUM + "-_", 35)


def g_azure_key(r):
    return mixed(r, ALNUM + "+/", 86) + "=="


def g_slack_bot(r):
    return "xoxb-%s-%s-%s" % (rs(r, "123456789", 1) + rs(r, string.digits, r.randint(9, 12)),
                              rs(r, "123456789", 1) + rs(r, string.digits, r.randint(9, 12)),
                              mixed(r, ALNUM, 24))


def g_slack_user(r):
    return "xoxp-%s-%s-%s-%s" % (rs(r, string.digits, 11), rs(r, string.digits, 11),
                                 rs(r, string.digits, 13), rs(r, HEX, 32))


def g_slack_app(r):
    return "xapp-1-A%s-%s-%s" % (rs(r, UPPER + string.digits, 10), rs(r, string.digits, 13),
                                 rs(r, HEX, 64))


def g_slack_webhook(r):
    return "https://hooks.slack.com/services/T%s/B%s/%s" % (
        rs(r, UPPER + string.digits, 8), rs(r, UPPER + string.digits, 10), mixed(r, ALNUM, 24))


def g_stripe(prefix):
    return lambda r: prefix + mixed(r, ALNUM, r.choice([24, 34, 99]))


def g_twilio_sk(r):
    return "SK" + rs(r, HEX, 32)


def g_twilio_ac(r):
    return "AC" + rs(r, HEX, 32)


def g_hex(n):
    return lambda r: rs(r, HEX, n)


def g_sendgrid(r):
    return "SG." + mixed(r, ALNUM + "-_", 22) + "." + mixed(r, ALNUM + "-_", 43)


def g_mailgun(r):
    return "key-" + rs(r, HEX, 32)


def g_mailchimp(r):
    return rs(r, HEX, 32) + "-us" + str(r.randint(1, 21))


def g_openai_proj(r):
    return "sk-proj-" + mixed(r, ALNUM + "-_", 74) + "T3BlbkFJ" + mixed(r, ALNUM + "-_", 74)


def g_openai_svc(r):
    return "sk-svcacct-" + mixed(r, ALNUM + "-_", 74) + "T3BlbkFJ" + mixed(r, ALNUM + "-_", 74)


def g_openai_legacy(r):
    return "sk-" + mixed(r, ALNUM, 20) + "T3BlbkFJ" + mixed(r, ALNUM, 20)


def g_anthropic(r):
    return "sk-ant-api03-" + mixed(r, ALNUM + "-_", 93) + "AA"


def g_anthropic_admin(r):
    return "sk-ant-admin01-" + mixed(r, ALNUM + "-_", 93) + "AA"


def g_hf(r):
    return "hf_" + mixed(r, string.ascii_letters, 34)


def g_npm(r):
    return crc_token(r, "npm_")


def g_pypi(r, valid=True):
    # "pypi-" + base64url (unpadded) of a macaroon in the v2 binary format:
    # version 2; location "pypi.org" (hence the fixed "AgEIcHlwaS5vcmc"), a
    # UUID identifier, end; one caveat section per caveat; end; a 32-byte
    # signature. A look-alike (valid=False) has a random tail after the prefix.
    if not valid:
        return "pypi-AgEIcHlwaS5vcmc" + mixed(r, ALNUM + "-_", r.choice([66, 120, 160]))
    m = bytearray([2])

    def put(kind, data):
        m.extend([kind, len(data)])
        m.extend(data)

    put(1, b"pypi.org")
    put(2, "-".join(rs(r, HEX, n) for n in (8, 4, 4, 4, 12)).encode())
    m.append(0)
    for caveat in r.choice([[], ['{"version": 1, "permissions": "user"}'],
                            ['{"version": 1, "permissions": {"projects": ["%s"]}}' % r.choice(["acme-sdk", "billing-client", "tools"])]]):
        put(2, caveat.encode())
        m.append(0)
    m.append(0)
    put(6, bytes(r.randrange(256) for _ in range(32)))
    return "pypi-" + base64.urlsafe_b64encode(bytes(m)).decode().rstrip("=")


def g_docker(r):
    return "dckr_pat_" + mixed(r, ALNUM + "-_", 27)


def g_shopify(prefix):
    return lambda r: prefix + rs(r, HEX, 32)


def g_telegram(r):
    return "%s:AA%s" % (rs(r, "123456789", 1) + rs(r, string.digits, r.randint(7, 9)),
                        mixed(r, ALNUM + "-_", 33))


def g_discord(r):
    uid = rs(r, "123456789", 1) + rs(r, string.digits, r.randint(16, 18))
    return "%s.%s.%s" % (b64url_nopad(uid.encode()), mixed(r, ALNUM + "-_", 6),
                         mixed(r, ALNUM + "-_", r.choice([27, 38])))


def g_okta(r):
    return "00" + mixed(r, ALNUM + "-_", 40)


def g_uuid(r):
    h = rs(r, HEX, 32)
    h = h[:12] + "4" + h[13:16] + r.choice("89ab") + h[17:]
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def g_heroku_new(r):
    return "HRKU-AA" + mixed(r, ALNUM + "-_", 58)


def g_clojars(r):
    return "CLOJARS_" + rs(r, HEX, 60)


def g_sentry_dsn(r):
    return "https://%s@o%s.ingest.sentry.io/%s" % (rs(r, HEX, 32), rs(r, string.digits, 6),
                                                  rs(r, string.digits, 7))


def g_sentry_org(r):
    payload = '{"iat":%d.%06d,"url":"https://sentry.io","region_url":"https://us.sentry.io","org":"%s"}' % (
        r.randint(1690000000, 1730000000), r.randint(0, 999999), r.choice(
            ["acme", "initech", "globex", "hooli", "umbrella", "vandelay"]))
    return "sntrys_" + b64(payload).rstrip("=") + "_" + mixed(r, ALNUM + "+/", 43)


def g_sentry_user(r):
    return "sntryu_" + rs(r, HEX, 64)


def g_jwt(r):
    alg = r.choice(["HS256", "RS256", "ES256", "HS512"])
    hdr = b64url_nopad(('{"alg":"%s","typ":"JWT"}' % alg).encode())
    sub = rs(r, string.digits, r.randint(5, 10))
    body = '{"sub":"%s","name":"%s","role":"%s","iat":%d,"exp":%d}' % (
        sub, r.choice(["svc-deploy", "admin", "ci-bot", "jane.doe", "backend"]),
        r.choice(["admin", "service", "writer"]), r.randint(1600000000, 1700000000),
        r.randint(1700000001, 1900000000))
    sig_len = {"HS256": 32, "RS256": 256, "ES256": 64, "HS512": 64}[alg]
    sig = b64url_nopad(bytes(r.randrange(256) for _ in range(sig_len)))
    return "%s.%s.%s" % (hdr, b64url_nopad(body.encode()), sig)


def _pem_body(r, head, total):
    body = head + mixed(r, ALNUM + "+/", total - len(head))
    return [body[i:i + 64] for i in range(0, len(body), 64)]


def pem(label, lines):
    return "\n".join(["-----BEGIN %s-----" % label] + lines + ["-----END %s-----" % label])


def g_pk_rsa(r):
    return pem("RSA PRIVATE KEY", _pem_body(r, "MIIEpAIBAAKCAQEA", 1592))


def g_pk_pkcs8(r):
    return pem("PRIVATE KEY", _pem_body(r, "MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQ", 1620))


def g_pk_ec(r):
    return pem("EC PRIVATE KEY", _pem_body(r, "MHcCAQEEI", 160) + [])


def g_pk_openssh(r):
    return pem("OPENSSH PRIVATE KEY", _pem_body(r, "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW", 400))


def g_pk_pgp(r):
    lines = _pem_body(r, "lQOYBG", 1280)
    return "\n".join(["-----BEGIN PGP PRIVATE KEY BLOCK-----", ""] + lines +
                     ["=" + mixed(r, ALNUM + "+/", 4), "-----END PGP PRIVATE KEY BLOCK-----"])


def g_datadog_api(r):
    return rs(r, HEX, 32)


def g_datadog_app(r):
    return rs(r, HEX, 40)


# ----------------------------------------------------------- generic values

PW_WORDS = ["Summer", "Winter", "Dragon", "Falcon", "Orchid", "Tundra", "Mango", "Pixel",
            "Granite", "Harbor", "Nebula", "Quartz", "Saffron", "Velvet", "Walrus", "Zephyr",
            "Copper", "Lantern", "Marble", "Cobalt", "Juniper", "Raven", "Sierra", "Topaz"]
PW_SYMS = "!@#%^*-_+=?"  # no quotes, backslash, $ or & (interpolation / XML)


def g_password(r):
    """A human-chosen or generated password: 10-24 chars, no quotes/backslashes."""
    k = r.randrange(4)
    if k == 0:
        return "%s%s%s%d%s" % (r.choice(PW_WORDS), r.choice(PW_SYMS), r.choice(PW_WORDS).lower(),
                               r.randint(10, 9999), r.choice(PW_SYMS))
    if k == 1:
        return r.choice(string.ascii_letters) + mixed(r, ALNUM + "!#%^*-_=+", r.randint(13, 23))
    if k == 2:
        return "%s%d%s%s" % (r.choice(PW_WORDS), r.randint(1970, 2031), r.choice(PW_SYMS),
                             mixed(r, ALNUM, r.randint(4, 8)))
    return mixed(r, ALNUM, r.randint(12, 20))


def g_password_urlsafe(r):
    return mixed(r, ALNUM + "-_.~", r.randint(12, 22))


def g_password_special(r):
    """Password with characters that must be percent-encoded in a URL."""
    return "%s%s%s%s%s" % (mixed(r, ALNUM, 5), r.choice("@#/:?"), mixed(r, ALNUM, 4),
                           r.choice("@#%!/"), mixed(r, ALNUM, 4))


def g_generic_key(r):
    k = r.randrange(6)
    if k == 0:
        return rs(r, HEX, 32)
    if k == 1:
        return rs(r, HEX, 64)
    if k == 2:
        return mixed(r, ALNUM, r.randint(32, 48))
    if k == 3:
        return b64(bytes(r.randrange(256) for _ in range(r.choice([24, 32, 48]))))
    if k == 4:
        return mixed(r, ALNUM + "-_", r.randint(30, 44))
    return r.choice(["live", "prod", "key", "ak", "tok"]) + "_" + mixed(r, ALNUM, r.randint(28, 36))


def g_htpasswd(r):
    salt_alpha = ALNUM + "./"
    k = r.randrange(3)
    if k == 0:
        return "$apr1$%s$%s" % (rs(r, salt_alpha, 8), rs(r, salt_alpha, 22))
    if k == 1:
        return "$2y$%02d$%s" % (r.choice([5, 10, 12]), rs(r, salt_alpha, 53))
    return "{SHA}" + b64(bytes(r.randrange(256) for _ in range(20)))


# ------------------------------------------------------------------ the table
# variant: (family, generator, names, words)

FAMILIES = {
    "ghp": ("github", g_github("ghp_"), ["GITHUB_TOKEN", "GH_TOKEN", "GITHUB_PAT"], "github personal access token"),
    "gho": ("github", g_github("gho_"), ["GITHUB_OAUTH_TOKEN", "GH_OAUTH_TOKEN"], "github oauth token"),
    "ghu": ("github", g_github("ghu_"), ["GITHUB_USER_TOKEN", "GH_APP_USER_TOKEN"], "github app user token"),
    "ghs": ("github", g_github("ghs_"), ["GITHUB_APP_TOKEN", "GH_INSTALLATION_TOKEN"], "github app installation token"),
    "ghr": ("github", g_github("ghr_"), ["GITHUB_REFRESH_TOKEN"], "github refresh token"),
    "github_pat": ("github", g_github_fine, ["GITHUB_TOKEN", "GH_PAT", "GITHUB_FINE_GRAINED_PAT"], "github fine-grained token"),
    "glpat": ("gitlab", g_gitlab("glpat-"), ["GITLAB_TOKEN", "GL_TOKEN", "GITLAB_PAT"], "gitlab personal access token"),
    "gldt": ("gitlab", g_gitlab("gldt-"), ["GITLAB_DEPLOY_TOKEN", "CI_DEPLOY_PASSWORD"], "gitlab deploy token"),
    "glrt": ("gitlab", g_gitlab("glrt-"), ["RUNNER_TOKEN", "GITLAB_RUNNER_TOKEN"], "gitlab runner token"),
    "glptt": ("gitlab", g_gitlab("glptt-", 40, HEX), ["GITLAB_TRIGGER_TOKEN", "TRIGGER_TOKEN"], "gitlab pipeline trigger token"),
    "glcbt": ("gitlab", g_glcbt, ["GITLAB_CI_JOB_TOKEN", "CI_BUILD_TOKEN"], "gitlab ci build token"),
    "aws_akia": ("aws", g_aws_akia, ["AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY"], "aws access key"),
    "aws_asia": ("aws", g_aws_asia, ["AWS_ACCESS_KEY_ID"], "aws temporary access key"),
    "aws_secret": ("aws", g_aws_secret, ["AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY"], "aws secret access key"),
    "gcp_api": ("gcp", g_gcp_api, ["GOOGLE_API_KEY", "GCP_API_KEY", "MAPS_API_KEY", "FIREBASE_API_KEY"], "google api key"),
    "azure_storage": ("azure", g_azure_key, ["AZURE_STORAGE_KEY", "AZURE_STORAGE_ACCOUNT_KEY"], "azure storage account key"),
    "slack_bot": ("slack", g_slack_bot, ["SLACK_BOT_TOKEN", "SLACK_TOKEN"], "slack bot token"),
    "slack_user": ("slack", g_slack_user, ["SLACK_USER_TOKEN", "SLACK_TOKEN"], "slack user token"),
    "slack_app": ("slack", g_slack_app, ["SLACK_APP_TOKEN"], "slack app-level token"),
    "slack_webhook": ("slack", g_slack_webhook, ["SLACK_WEBHOOK_URL", "SLACK_WEBHOOK"], "slack incoming webhook"),
    "stripe_sk": ("stripe", g_stripe("sk_live_"), ["STRIPE_SECRET_KEY", "STRIPE_API_KEY", "STRIPE_KEY"], "stripe secret key"),
    "stripe_rk": ("stripe", g_stripe("rk_live_"), ["STRIPE_RESTRICTED_KEY"], "stripe restricted key"),
    "twilio_sk": ("twilio", g_twilio_sk, ["TWILIO_API_KEY", "TWILIO_API_KEY_SID"], "twilio api key"),
    "twilio_ac": ("twilio", g_twilio_ac, ["TWILIO_ACCOUNT_SID"], "twilio account sid"),
    "twilio_auth": ("twilio", g_hex(32), ["TWILIO_AUTH_TOKEN", "TWILIO_API_SECRET"], "twilio auth token"),
    "sendgrid": ("sendgrid", g_sendgrid, ["SENDGRID_API_KEY", "SMTP_PASSWORD"], "sendgrid api key"),
    "mailgun": ("mailgun", g_mailgun, ["MAILGUN_API_KEY", "MAILGUN_KEY"], "mailgun api key"),
    "mailchimp": ("mailchimp", g_mailchimp, ["MAILCHIMP_API_KEY", "MC_API_KEY"], "mailchimp api key"),
    "openai_proj": ("openai", g_openai_proj, ["OPENAI_API_KEY"], "openai project key"),
    "openai_svc": ("openai", g_openai_svc, ["OPENAI_API_KEY", "OPENAI_SERVICE_KEY"], "openai service account key"),
    "openai_legacy": ("openai", g_openai_legacy, ["OPENAI_API_KEY", "OPENAI_KEY"], "openai api key"),
    "anthropic": ("anthropic", g_anthropic, ["ANTHROPIC_API_KEY", "CLAUDE_API_KEY"], "anthropic api key"),
    "anthropic_admin": ("anthropic", g_anthropic_admin, ["ANTHROPIC_ADMIN_KEY"], "anthropic admin key"),
    "hf": ("huggingface", g_hf, ["HF_TOKEN", "HUGGINGFACE_TOKEN", "HUGGING_FACE_HUB_TOKEN"], "hugging face token"),
    "npm": ("npm", g_npm, ["NPM_TOKEN", "NODE_AUTH_TOKEN"], "npm access token"),
    "pypi": ("pypi", g_pypi, ["PYPI_TOKEN", "TWINE_PASSWORD", "PYPI_API_TOKEN"], "pypi upload token"),
    "docker": ("dockerhub", g_docker, ["DOCKERHUB_TOKEN", "DOCKER_PASSWORD", "DOCKER_HUB_PAT"], "docker hub access token"),
    "shopify_pat": ("shopify", g_shopify("shpat_"), ["SHOPIFY_ACCESS_TOKEN", "SHOPIFY_ADMIN_TOKEN"], "shopify admin api access token"),
    "shopify_ss": ("shopify", g_shopify("shpss_"), ["SHOPIFY_SHARED_SECRET", "SHOPIFY_API_SECRET"], "shopify shared secret"),
    "telegram": ("telegram", g_telegram, ["TELEGRAM_BOT_TOKEN", "TG_TOKEN", "BOT_TOKEN"], "telegram bot token"),
    "discord": ("discord", g_discord, ["DISCORD_TOKEN", "DISCORD_BOT_TOKEN", "BOT_TOKEN"], "discord bot token"),
    "okta": ("okta", g_okta, ["OKTA_API_TOKEN", "OKTA_TOKEN", "OKTA_CLIENT_TOKEN"], "okta api token"),
    "heroku_uuid": ("heroku", g_uuid, ["HEROKU_API_KEY", "HEROKU_AUTH_TOKEN"], "heroku api key"),
    "heroku_new": ("heroku", g_heroku_new, ["HEROKU_API_KEY", "HEROKU_TOKEN"], "heroku api key"),
    "clojars": ("clojars", g_clojars, ["CLOJARS_TOKEN", "CLOJARS_PASSWORD", "CLOJARS_DEPLOY_TOKEN"], "clojars deploy token"),
    "datadog_api": ("datadog", g_datadog_api, ["DD_API_KEY", "DATADOG_API_KEY"], "datadog api key"),
    "datadog_app": ("datadog", g_datadog_app, ["DD_APP_KEY", "DATADOG_APP_KEY"], "datadog application key"),
    "sentry_dsn": ("sentry", g_sentry_dsn, ["SENTRY_DSN"], "sentry dsn"),
    "sentry_org": ("sentry", g_sentry_org, ["SENTRY_AUTH_TOKEN"], "sentry org auth token"),
    "sentry_user": ("sentry", g_sentry_user, ["SENTRY_AUTH_TOKEN", "SENTRY_TOKEN"], "sentry user auth token"),
    "jwt": ("jwt", g_jwt, ["JWT", "ACCESS_TOKEN", "AUTH_TOKEN", "BEARER_TOKEN", "ID_TOKEN"], "jwt"),
    "generic_key": ("generic-api-key", g_generic_key, ["API_KEY", "APIKEY", "SERVICE_API_KEY", "X_API_KEY", "PARTNER_API_KEY", "API_SECRET", "CLIENT_SECRET", "SECRET_KEY", "APP_SECRET", "AUTH_TOKEN", "ACCESS_TOKEN", "SESSION_SECRET", "SIGNING_KEY", "ENCRYPTION_KEY", "WEBHOOK_SECRET"], "api key"),
    "password": ("generic-password", g_password, ["PASSWORD", "DB_PASSWORD", "ADMIN_PASSWORD", "SMTP_PASSWORD", "POSTGRES_PASSWORD", "MYSQL_ROOT_PASSWORD", "REDIS_PASSWORD", "LDAP_BIND_PASSWORD", "KEYSTORE_PASS", "RABBITMQ_PASS", "MAIL_PASS", "DB_PASS", "PASSWD", "PWD_PROD"], "password"),
}

# PEM private keys: (family "private-key")
PEMS = {
    "pk_rsa": g_pk_rsa,
    "pk_pkcs8": g_pk_pkcs8,
    "pk_ec": g_pk_ec,
    "pk_openssh": g_pk_openssh,
    "pk_pgp": g_pk_pgp,
}

# Variants with a distinctive shape: findable with no name nearby.
SHAPED = ["ghp", "gho", "ghu", "ghs", "ghr", "github_pat", "glpat", "gldt", "glrt", "glptt",
          "glcbt", "aws_akia", "gcp_api", "slack_bot", "slack_user", "slack_app",
          "slack_webhook", "stripe_sk", "stripe_rk", "sendgrid", "mailgun", "mailchimp",
          "openai_proj", "openai_svc", "openai_legacy", "anthropic", "anthropic_admin", "hf",
          "npm", "pypi", "docker", "shopify_pat", "shopify_ss", "telegram", "discord",
          "heroku_new", "clojars", "sentry_org", "sentry_user", "jwt", "twilio_sk"]

# Variants whose value is bare hex/uuid/base64: need a name or word near.
KEYED = ["aws_secret", "twilio_ac", "twilio_auth", "heroku_uuid", "datadog_api", "datadog_app",
         "azure_storage", "okta", "generic_key", "password"]

PROVIDER_VARIANTS = [v for v in FAMILIES if v not in ("generic_key", "password")]
