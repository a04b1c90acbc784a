"""File templates and the planting plan of the corpus.

Data first (names, placeholder spellings, decoy tables, config templates), then
the small builders that turn them into files.  All randomness comes from the
corpus RNG, so the output is a pure function of the seed and scale.
"""

import base64
import hashlib
import json
import re
import string

import formats as F
from langs import LANGS

# ------------------------------------------------------------------ helpers

_PH = re.compile(r"\{(\w+)\}")


def sub(tpl, d):
    """Replace {name} when name is in d; leave every other brace alone."""
    return _PH.sub(lambda m: str(d[m.group(1)]) if m.group(1) in d else m.group(0), tpl)


def camel_of(snake):
    p = snake.lower().split("_")
    return p[0] + "".join(x.capitalize() for x in p[1:])


def pascal_of(snake):
    return "".join(x.capitalize() for x in snake.lower().split("_"))


def snake_of(camel):
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", camel).lower()


class Tok:
    def __init__(self, variant, family, value, NAME, words):
        self.variant, self.family, self.value, self.NAME, self.words = variant, family, value, NAME, words
        self.key = None

    @property
    def name(self):
        return self.NAME.lower()

    @property
    def camel(self):
        return camel_of(self.NAME)

    @property
    def pascal(self):
        return pascal_of(self.NAME)

    def fmt(self, template, **kw):
        d = dict(NAME=self.NAME, name=self.name, camel=self.camel, Pascal=self.pascal,
                 kebab=self.name.replace("_", "-"), dotted=self.name.replace("_", "."),
                 V=self.value, W=self.words)
        d.update(kw)
        return sub(template, d)


def S(tok, difficulty, text=None, secret=None, family=None, encoding=None):
    it = {"kind": "secret", "family": family or tok.family, "difficulty": difficulty,
          "secret": secret or tok.value}
    if text:
        it["text"] = text
    if encoding:
        it["encoding"] = encoding
    return it


def D(value, dclass, family="none"):
    return {"kind": "decoy", "family": family, "decoy_class": dclass, "secret": value}


# -------------------------------------------------------------- filler bits

SVCS = ["Billing", "Search", "Ledger", "Invoice", "Catalog", "Notify", "Report", "Payment",
        "Shipping", "Inventory", "Profile", "Audit", "Media", "Gateway", "Scheduler", "Export"]
FNS = ["load_items", "parse_rows", "normalize", "retry_call", "build_index", "render_page",
       "merge_config", "flush_queue", "resolve_host", "compact_log", "sync_accounts",
       "fetch_batch", "apply_patch", "collect_metrics", "split_chunks", "warm_cache"]
USERS = ["app", "admin", "deploy", "svc_billing", "reporting", "etl", "backend", "ci", "root",
         "postgres", "api_user", "jenkins", "grafana", "mailer", "analytics"]
HOSTS = ["db.internal.acme.io", "10.0.3.17", "pg-prod.c9akciq32fzq.eu-west-1.rds.amazonaws.com",
         "mysql-primary.svc.cluster.local", "redis.prod.acme.net", "mq.acme.internal",
         "cluster0.xk2jd.mongodb.net", "smtp.mailhost.io", "git.acme-corp.com",
         "registry.acme.dev", "api.partner-portal.com", "ldap.corp.acme.com",
         "sql-prod-weu.database.windows.net", "172.16.8.40", "backup.acme.io"]
DBS = ["orders", "billing", "app_prod", "analytics", "users", "inventory", "ledger", "cms"]
IMAGES = ["acme/api:1.4.2", "ghcr.io/acme/worker:latest", "nginx:1.25-alpine", "postgres:16",
          "redis:7", "node:20-slim", "python:3.12-slim"]

CAMEL_PW = ["adminPassword", "smtpPass", "dbPassword", "rootPassword", "masterPassword", "passwd",
            "pwd", "userPassword", "bindPassword", "keystorePassword", "mailPassword", "redisPass",
            "password", "dbPass", "sftpPassword", "truststorePass"]
CAMEL_KEY = ["apiKey", "apiSecret", "clientSecret", "accessToken", "authToken", "secretKey",
             "privateToken", "appSecret", "signingSecret", "webhookSecret", "consumerSecret",
             "refreshToken", "serviceKey", "masterKey", "encryptionKey", "sessionSecret",
             "xApiKey", "apikey", "token", "secret", "bearerToken", "licenseKey", "hmacKey"]

# ------------------------------------------------------------- decoy tables

SECRET_NAMES = ["API_KEY", "SECRET_KEY", "DB_PASSWORD", "AUTH_TOKEN", "GITHUB_TOKEN",
                "STRIPE_SECRET_KEY", "CLIENT_SECRET", "PASSWORD", "ACCESS_TOKEN", "OPENAI_API_KEY",
                "SLACK_BOT_TOKEN", "AWS_SECRET_ACCESS_KEY", "SMTP_PASSWORD", "JWT_SECRET",
                "NPM_TOKEN", "ADMIN_PASSWORD", "SENDGRID_API_KEY", "PRIVATE_TOKEN", "APP_SECRET"]
PLACEHOLDERS = ["xxxxxxxxxxxxxxxxxxxxxxxx", "XXXXXXXXXXXXXXXXXXXX", "<your-token>", "<YOUR_API_KEY>",
                "YOUR_API_KEY", "your-api-key-here", "changeme", "change-me", "CHANGE_ME",
                "REPLACE_ME", "TODO", "dummy", "example", "${API_KEY}", "${DB_PASSWORD}",
                "{{ .Values.apiKey }}", "{{ secret }}", "%(password)s", "{password}", "$PASSWORD",
                "ENC(nR6dpsWq0U1ZgT2yzKpM5A==)", "vault:secret/data/app#password",
                "${{ secrets.NPM_TOKEN }}", "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
                "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "AKIAXXXXXXXXXXXXXXXX", "<password>",
                "op://Engineering/stripe/credential", "${env:API_KEY}", "#{DbPassword}",
                "@Microsoft.KeyVault(SecretUri=https://kv-prod.vault.azure.net/secrets/api-key/)",
                "$(DB_PASSWORD)", "<%= ENV['SECRET_KEY'] %>", "insert-key-here", "PLACEHOLDER",
                "your_password", "secret", "password", "test-token", "fake-password-for-tests",
                "dev-only-not-secret", "${SECRET}", "{{API_TOKEN}}", "__API_KEY__", "<redacted>",
                "${SLACK_TOKEN:-}", "%SMTP_PASSWORD%", "{{ vault_db_password }}", "none", "null"]
MASKED = ["****", "********", "**************", "<REDACTED>", "[REDACTED]", "***REMOVED***",
          "[FILTERED]", "<hidden>", "\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022",
          "sk-...abcd", "sk_live_...4242", "ghp_****************************Ab12",
          "xoxb-****-****-****", "AKIA************WXYZ", "sk-proj-****...****9fQa",
          "glpat-********************", "hunter2 (masked)", "...redacted..."]
MASKED_URL = ["https://{user}:****@{host}/", "postgres://{user}:***@{host}:5432/{db}",
              "redis://:********@{host}:6379", "mongodb+srv://{user}:<password>@{host}/{db}",
              "amqp://{user}:[REDACTED]@{host}:5672/"]
ID_NAMES = ["REQUEST_ID", "TENANT_ID", "CLIENT_ID", "SUBSCRIPTION_ID", "CORRELATION_ID", "USER_ID",
            "TRACE_ID", "ORG_ID", "APP_ID", "PROJECT_ID", "INSTALLATION_ID", "DEVICE_ID",
            "WORKSPACE_ID", "SESSION_ID", "ACCOUNT_UUID", "OBJECT_ID", "MESSAGE_ID"]
HASH_NAMES = [("CHECKSUM", "sha256"), ("SHA256", "sha256"), ("DIGEST", "sha256"), ("ETAG", "md5"),
              ("COMMIT", "sha1"), ("GIT_SHA", "sha1"), ("REVISION", "sha1"), ("CONTENT_HASH", "sha256"),
              ("MD5SUM", "md5"), ("FILE_SHA1", "sha1"), ("BUILD_COMMIT", "sha1"), ("ASSET_HASH", "md5"),
              ("IMAGE_DIGEST", "sha256"), ("SOURCE_HASH", "sha256"), ("HEAD_SHA", "sha1")]
NS_PAIRS = [("TOKEN_TYPE", "bearer"), ("MAX_TOKENS", "4096"), ("PASSWORD_POLICY", "strict"),
            ("SECRET_NAME", "db-credentials"), ("KEY_ID", "k-2024-01"), ("PUBLIC_KEY_PATH", "keys/pub.pem"),
            ("PASSWORD_FIELD", "#password"), ("TOKENIZER", "cl100k_base"),
            ("TOKEN_ENDPOINT", "https://login.example.com/oauth2/token"),
            ("GRANT_TYPE", "client_credentials"), ("AUTH_TYPE", "oauth2"), ("TOKEN_TTL", "3600"),
            ("KEY_VAULT_NAME", "kv-prod-westeu"), ("SECRET_STORE", "aws-secretsmanager"),
            ("PASSWORD_HASH_ALGORITHM", "argon2id"), ("API_KEY_HEADER", "X-API-Key"),
            ("TOKENIZER_NAME", "bert-base-uncased"), ("TOKEN_CACHE_DIR", "~/.cache/tokens"),
            ("SECRET_MOUNT_PATH", "/var/run/secrets/app"), ("API_KEY_NAME", "default"),
            ("KEY_ALGORITHM", "RS256"), ("PASSWORD_RESET_TEMPLATE", "emails/reset.html"),
            ("SECRET_VERSION", "latest"), ("TOKEN_AUDIENCE", "api://default"),
            ("KEY_ROTATION_DAYS", "90"), ("CREDENTIALS_PROVIDER", "env"),
            ("SECRETS_BACKEND", "vault"), ("AUTH_TOKEN_HEADER", "Authorization"),
            ("PASSWORD_INPUT_SELECTOR", "input[type=password]"), ("TOKEN_PREFIX", "Bearer"),
            ("SECRET_REF", "prod/db/password"), ("KEY_USAGE", "digitalSignature"),
            ("MAX_PASSWORD_AGE", "180d"), ("API_KEY_PARAM", "api_key"),
            ("OAUTH_SCOPE", "openid profile email"), ("SIGNING_ALG", "HS256")]
IDENT_PAIRS = [("PASSWORD_RESET_URL", "https://example.com/account/reset"),
               ("API_KEY_DOCS_URL", "https://docs.example.com/api-keys"),
               ("SECRET_ROTATION_DATE", "2024-03-01"), ("SECURITY_CONTACT", "security@example.com"),
               ("AUTH_LIB_VERSION", "4.12.1"), ("PASSWORD_LABEL_COLOR", "#1f2937"),
               ("TOKEN_FILE", "/var/run/secrets/kubernetes.io/serviceaccount/token"),
               ("PRIVATE_KEY_FILE", "/etc/ssl/private/server.key"),
               ("CREDENTIALS_PATH", "~/.aws/credentials"), ("SECRET_KEY_BASE_FILE", "config/master.key"),
               ("PASSWORD_FILE", "/run/secrets/db_password"), ("TOKEN_URL", "https://auth.example.com/token"),
               ("API_BASE_URL", "https://api.example.com/v2"), ("KEYSTORE_PATH", "certs/keystore.p12"),
               ("PASSWORD_HINT_KEY", "auth.password.hint"), ("SECRET_COLOR", "#ff8800"),
               ("TOKEN_VERSION", "v3"), ("AUTH_EMAIL", "noreply@acme-corp.com"),
               ("LAST_PASSWORD_CHANGE", "2023-11-14T09:30:00Z"), ("API_KEY_REGEX", "^[a-z0-9]{32}$"),
               ("SSH_KEY_PATH", "~/.ssh/id_ed25519"), ("GPG_KEY_FINGERPRINT_DOC", "docs/gpg.md"),
               ("TOKEN_ISSUER", "https://issuer.acme.dev/"), ("PASSWORD_SPECIAL_CHARS", "!@#%^*")]
IDENT_NUM = [("PASSWORD_MIN_LENGTH", "12"), ("TOKEN_EXPIRY_SECONDS", "3600"), ("MAX_API_KEYS", "5"),
             ("SECRET_LENGTH", "32"), ("KEY_SIZE", "2048"), ("PASSWORD_MAX_ATTEMPTS", "5"),
             ("TOKEN_REFRESH_MARGIN", "300"), ("BCRYPT_ROUNDS", "12")]
FN_NAMES = ["get_password", "get_api_key", "fetch_token", "load_secret", "read_private_key",
            "rotate_credentials", "get_access_token", "refresh_token", "validate_password",
            "hash_password", "decrypt_secret", "get_client_secret"]
GETTER_NAMES = ["PASSWORD", "API_KEY", "TOKEN", "SECRET", "CLIENT_SECRET", "DB_PASSWORD"]
# (name, value, family) -- published example keys and RFC test vectors
TEST_VECTORS = [
    ("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "aws"),
    ("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws"),
    ("AWS_ACCESS_KEY_ID", "AKIAI44QH8DHBEXAMPLE", "aws"),
    ("AWS_SECRET_ACCESS_KEY", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY", "aws"),
    ("JWT", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", "jwt"),
    ("STRIPE_SECRET_KEY", "sk_test_4eC39HqLyjWDarjtT1zdp7dc", "stripe"),
    ("STRIPE_API_KEY", "sk_test_BQokikJOvBiI2HlWgH4olfQ2", "stripe"),
    ("AZURE_STORAGE_KEY", "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==", "azure"),
    ("SLACK_BOT_TOKEN", "xoxb-not-a-real-token-this-will-not-work", "slack"),
    ("HMAC_KEY", "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "generic-api-key"),
    ("TOTP_SECRET", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "generic-api-key"),
    ("HMAC_TEST_KEY", "4a656665", "generic-api-key"),
]
AZURITE_CS = ("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey="
              "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
              "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;")
I18N = {
    "fr": {"password": "Mot de passe", "passwordConfirm": "Confirmez le mot de passe",
           "apiKey": "Cl\u00e9 API", "token": "Jeton d'acc\u00e8s", "secret": "Secret partag\u00e9",
           "forgotPassword": "Mot de passe oubli\u00e9 ?", "tokenExpired": "Votre jeton a expir\u00e9"},
    "de": {"password": "Passwort", "passwordConfirm": "Passwort best\u00e4tigen", "apiKey": "API-Schl\u00fcssel",
           "token": "Zugriffstoken", "secret": "Geheimnis", "forgotPassword": "Passwort vergessen?",
           "tokenExpired": "Ihr Token ist abgelaufen"},
    "es": {"password": "Contrase\u00f1a", "passwordConfirm": "Confirmar contrase\u00f1a",
           "apiKey": "Clave de API", "token": "Token de acceso", "secret": "Secreto",
           "forgotPassword": "\u00bfOlvidaste tu contrase\u00f1a?", "tokenExpired": "Tu token ha caducado"},
    "ja": {"password": "\u30d1\u30b9\u30ef\u30fc\u30c9", "passwordConfirm": "\u30d1\u30b9\u30ef\u30fc\u30c9\uff08\u78ba\u8a8d\uff09",
           "apiKey": "API\u30ad\u30fc", "token": "\u30a2\u30af\u30bb\u30b9\u30c8\u30fc\u30af\u30f3",
           "secret": "\u30b7\u30fc\u30af\u30ec\u30c3\u30c8", "forgotPassword": "\u30d1\u30b9\u30ef\u30fc\u30c9\u3092\u304a\u5fd8\u308c\u3067\u3059\u304b\uff1f",
           "tokenExpired": "\u30c8\u30fc\u30af\u30f3\u306e\u6709\u52b9\u671f\u9650\u304c\u5207\u308c\u307e\u3057\u305f"},
    "zh": {"password": "\u5bc6\u7801", "passwordConfirm": "\u786e\u8ba4\u5bc6\u7801", "apiKey": "API \u5bc6\u94a5",
           "token": "\u8bbf\u95ee\u4ee4\u724c", "secret": "\u5bc6\u94a5", "forgotPassword": "\u5fd8\u8bb0\u5bc6\u7801\uff1f",
           "tokenExpired": "\u4ee4\u724c\u5df2\u8fc7\u671f"},
    "pt": {"password": "Senha", "passwordConfirm": "Confirme a senha", "apiKey": "Chave de API",
           "token": "Token de acesso", "secret": "Segredo", "forgotPassword": "Esqueceu a senha?",
           "tokenExpired": "Seu token expirou"},
    "it": {"password": "Parola d'ordine", "passwordConfirm": "Conferma password", "apiKey": "Chiave API",
           "token": "Token di accesso", "secret": "Segreto", "forgotPassword": "Password dimenticata?",
           "tokenExpired": "Il token \u00e8 scaduto"},
    "ru": {"password": "\u041f\u0430\u0440\u043e\u043b\u044c", "passwordConfirm": "\u041f\u043e\u0434\u0442\u0432\u0435\u0440\u0434\u0438\u0442\u0435 \u043f\u0430\u0440\u043e\u043b\u044c",
           "apiKey": "\u041a\u043b\u044e\u0447 API", "token": "\u0422\u043e\u043a\u0435\u043d \u0434\u043e\u0441\u0442\u0443\u043f\u0430",
           "secret": "\u0421\u0435\u043a\u0440\u0435\u0442", "forgotPassword": "\u0417\u0430\u0431\u044b\u043b\u0438 \u043f\u0430\u0440\u043e\u043b\u044c?",
           "tokenExpired": "\u0421\u0440\u043e\u043a \u0434\u0435\u0439\u0441\u0442\u0432\u0438\u044f \u0442\u043e\u043a\u0435\u043d\u0430 \u0438\u0441\u0442\u0451\u043a"},
    "nl": {"password": "Wachtwoord", "passwordConfirm": "Bevestig wachtwoord", "apiKey": "API-sleutel",
           "token": "Toegangstoken", "secret": "Geheim", "forgotPassword": "Wachtwoord vergeten?",
           "tokenExpired": "Je token is verlopen"},
    "pl": {"password": "Has\u0142o", "passwordConfirm": "Potwierd\u017a has\u0142o", "apiKey": "Klucz API",
           "token": "Token dost\u0119pu", "secret": "Sekret", "forgotPassword": "Nie pami\u0119tasz has\u0142a?",
           "tokenExpired": "Tw\u00f3j token wygas\u0142"},
}
I18N_PLAIN = {"title": "Sign in", "submit": "Continue", "cancel": "Cancel", "email": "Email",
              "welcome": "Welcome back", "loading": "Loading\u2026", "error": "Something went wrong"}


class Ctx:
    """The corpus plus the helpers every builder uses."""

    def __init__(self, c):
        self.c = c
        self.r = c.rng

    # ---------------------------------------------------------- values
    def tok(self, vt):
        r = self.r
        if vt == "a":
            x = r.random()
            vt = "r" if x < 0.58 else ("k" if x < 0.8 else "p")
        if vt in ("p", "pu"):
            t = self.c.token("password")
            if vt == "pu":
                t.value = F.g_password_urlsafe(r)
            t.key = r.choice(CAMEL_PW)
        elif vt == "k":
            t = self.c.token("generic_key") if r.random() < 0.6 else self.c.token()
            t.key = r.choice(CAMEL_KEY) if t.variant == "generic_key" else t.camel
        elif vt == "s":
            t = self.c.token(pool=F.SHAPED)
        elif vt == "r":
            t = self.c.token()
        elif vt in F.FAMILIES:
            t = self.c.token(vt)
        else:
            raise ValueError(vt)
        if t.key is None:
            t.key = t.camel
        return t

    def fill(self):
        r = self.r
        svc = r.choice(SVCS)
        fn = r.choice(FNS)
        return dict(svc=svc, svcl=svc.lower(), fn=fn, n=r.randint(2, 999), user=r.choice(USERS),
                    host=r.choice(HOSTS), db=r.choice(DBS), image=r.choice(IMAGES),
                    url="https://%s/v1/%s" % (r.choice(HOSTS), svc.lower()))

    def pw_url(self):
        return F.g_password_urlsafe(self.r)

    URI_KINDS = {"u": list(range(22)), "udb": list(range(9)), "uhttp": [9, 12, 13, 14, 15, 16, 17, 20, 21],
                 "ugit": [9, 18, 19]}
    URI_NAMES = {"postgres": ["DATABASE_URL", "PG_URL"], "mysql": ["DATABASE_URL", "MYSQL_URL"],
                 "mongodb": ["MONGODB_URI", "MONGO_URL"], "redis": ["REDIS_URL", "CACHE_URL"],
                 "amqp": ["BROKER_URL", "AMQP_URL"], "url-credentials": ["UPSTREAM_URL", "MIRROR_URL"],
                 "generic-api-key": ["FEED_URL", "API_URL"], "gcp": ["MAPS_SCRIPT_URL"],
                 "slack": ["SLACK_WEBHOOK_URL"], "discord": ["DISCORD_WEBHOOK_URL"],
                 "microsoft-teams": ["TEAMS_WEBHOOK_URL"], "github": ["REPO_URL"], "gitlab": ["REPO_URL"],
                 "telegram": ["NOTIFY_URL"]}

    def uri(self, d, kind="u"):
        """A URL with a credential in it -> (url, secret, family)."""
        r = self.r
        pw = self.pw_url()
        u, h, db = d["user"], d["host"], d["db"]
        k = r.choice(self.URI_KINDS[kind])
        if k == 0:
            return "postgres://%s:%s@%s:5432/%s" % (u, pw, h, db), pw, "postgres"
        if k == 1:
            return "postgresql://%s:%s@%s/%s?sslmode=require" % (u, pw, h, db), pw, "postgres"
        if k == 2:
            return "mysql://%s:%s@%s:3306/%s" % (u, pw, h, db), pw, "mysql"
        if k == 3:
            return "mongodb+srv://%s:%s@cluster0.%s.mongodb.net/%s?retryWrites=true&w=majority" % (
                u, pw, F.rs(r, F.LOWER + F.string.digits, 5), db), pw, "mongodb"
        if k == 4:
            return "mongodb://%s:%s@mongo-0.%s:27017,mongo-1.%s:27017/%s?replicaSet=rs0" % (u, pw, h, h, db), pw, "mongodb"
        if k == 5:
            return "redis://:%s@%s:6379/0" % (pw, h), pw, "redis"
        if k == 6:
            return "rediss://default:%s@%s:6380" % (pw, h), pw, "redis"
        if k == 7:
            return "amqp://%s:%s@%s:5672/%s" % (u, pw, h, db), pw, "amqp"
        if k == 8:
            return "amqps://%s:%s@%s/%s" % (u, pw, h, db), pw, "amqp"
        if k == 9:
            return "https://%s:%s@%s/acme/%s.git" % (u, pw, h, db), pw, "url-credentials"
        if k == 10:
            return "ftp://%s:%s@%s/exports/" % (u, pw, h), pw, "url-credentials"
        if k == 11:
            return "smtp://%s:%s@%s:587" % (u, pw, h), pw, "url-credentials"
        if k == 12:
            key = F.g_generic_key(r).replace("+", "").replace("/", "").replace("=", "")
            return "https://%s/v1/items?api_key=%s&limit=50" % (h, key), key, "generic-api-key"
        if k == 13:
            key = F.mixed(r, F.ALNUM, 40)
            return "https://%s/feed.json?access_token=%s&format=json" % (h, key), key, "generic-api-key"
        if k == 14:
            t = F.g_gcp_api(r)
            return "https://maps.googleapis.com/maps/api/js?key=%s&callback=initMap" % t, t, "gcp"
        if k == 15:
            t = F.g_slack_webhook(r)
            return t, t, "slack"
        if k == 16:
            t = "https://discord.com/api/webhooks/%s/%s" % (F.rs(r, "123456789", 1) + F.rs(r, string.digits, 18),
                                                           F.mixed(r, F.ALNUM + "-_", 68))
            return t, t, "discord"
        if k == 17:
            t = "https://acme.webhook.office.com/webhookb2/%s@%s/IncomingWebhook/%s/%s" % (
                F.g_uuid(r), F.g_uuid(r), F.rs(r, F.HEX, 32), F.g_uuid(r))
            return t, t, "microsoft-teams"
        if k == 18:
            t = F.g_github("ghp_")(r)
            return "https://%s:%s@github.com/acme/%s.git" % (u, t, db), t, "github"
        if k == 19:
            t = F.g_gitlab("glpat-")(r)
            return "https://oauth2:%s@gitlab.com/acme/%s.git" % (t, db), t, "gitlab"
        if k == 20:
            key = F.mixed(r, F.ALNUM, 32)
            return "https://%s/hooks/deploy?token=%s" % (h, key), key, "generic-api-key"
        t = F.g_telegram(r)
        return "https://api.telegram.org/bot%s/sendMessage?chat_id=-100%s" % (t, F.rs(r, string.digits, 10)), t, "telegram"

    def conn_string(self, d):
        r = self.r
        pw = self.pw_url()
        u, h, db = d["user"], d["host"], d["db"]
        tpl = r.choice([
            "Server=tcp:{h},1433;Initial Catalog={db};User ID={u};Password={pw};Encrypt=True;",
            "Driver={{ODBC Driver 18 for SQL Server}};Server={h};Database={db};Uid={u};Pwd={pw};",
            "jdbc:sqlserver://{h}:1433;databaseName={db};user={u};password={pw};",
            "jdbc:mysql://{h}:3306/{db}?user={u}&password={pw}&useSSL=true",
            "jdbc:postgresql://{h}:5432/{db}?user={u}&password={pw}&ssl=true",
            "Host={h};Port=5432;Database={db};Username={u};Password={pw}",
            "Data Source={h};Initial Catalog={db};User Id={u};Password={pw};",
            "jdbc:oracle:thin:{u}/{pw}@{h}:1521:ORCL",
            "DRIVER={{PostgreSQL Unicode}};SERVER={h};PORT=5432;DATABASE={db};UID={u};PWD={pw};",
        ])
        return tpl.format(h=h, db=db, u=u, pw=pw), pw

    # --------------------------------------------------------- planting
    def render(self, cls, vt, tpl, family=None, **kw):
        """Fill `tpl` with a fresh value of type `vt` -> (text, items)."""
        r = self.r
        d = self.fill()
        d.update(kw)
        items = []
        if vt == "aws":
            ak = self.c.token(r.choice(["aws_akia", "aws_akia", "aws_asia"]))
            sk = self.c.token("aws_secret")
            d.update(AK=ak.value, SK=sk.value, W="aws credentials")
            items = [S(ak, cls), S(sk, cls)]
        elif vt in self.URI_KINDS:
            url, sec, fam = self.uri(d, vt)
            nm = r.choice(self.URI_NAMES[fam])
            d.update(URI=url, W="connection url", NAME=nm, name=nm.lower(), V=url)
            items = [{"kind": "secret", "family": fam, "difficulty": cls, "secret": sec}]
        elif vt == "cs":
            cs, pw = self.conn_string(d)
            d.update(CS=cs)
            items = [{"kind": "secret", "family": "connection-string", "difficulty": cls, "secret": pw}]
        elif vt == "gomysql":
            pw = self.pw_url()
            d.update(DSN="%s:%s@tcp(%s:3306)/%s?parseTime=true" % (d["user"], pw, d["host"], d["db"]))
            items = [{"kind": "secret", "family": "mysql", "difficulty": cls, "secret": pw}]
        elif vt in ("pem", "pemesc", "pemind"):
            kind = r.choice(sorted(F.PEMS))
            pem = F.PEMS[kind](r)
            esc = pem.replace("\n", "\\n") + "\\n"
            ind = "\n".join((kw.get("indent", "    ") + x) if x else x for x in pem.split("\n"))
            d.update(PEM=pem, PEMESC=esc, PEMIND=ind)
            text = {"pem": pem, "pemesc": esc, "pemind": ind}[vt]
            items = [{"kind": "secret", "family": family or "private-key", "difficulty": cls,
                      "secret": pem, "text": text}]
        elif vt == "pct":
            from urllib.parse import quote
            raw = F.g_password_special(r)
            enc = quote(raw, safe="")
            scheme, port, fam = r.choice([("postgres", 5432, "postgres"), ("mysql", 3306, "mysql"),
                                          ("mongodb", 27017, "mongodb"), ("amqp", 5672, "amqp"),
                                          ("redis", 6379, "redis")])
            d.update(URI="%s://%s:%s@%s:%d/%s" % (scheme, d["user"], enc, d["host"], port, d["db"]),
                     NAME="DATABASE_URL")
            items = [{"kind": "secret", "family": fam, "difficulty": cls, "secret": raw, "text": enc,
                      "encoding": "percent"}]
        else:
            t = self.tok(vt)
            d.update(NAME=t.NAME, name=t.name, camel=t.camel, Pascal=t.pascal, V=t.value, W=t.words,
                     kebab=t.name.replace("_", "-"), dotted=t.name.replace("_", "."),
                     key=t.key, Key=t.key[0].upper() + t.key[1:], skey=snake_of(t.key))
            enc = kw.get("enc")
            if enc == "b64":
                b = F.b64(t.value)
                d.update(B64=b)
                items = [S(t, cls, text=b, family=family, encoding="base64")]
            elif enc == "b64auth":
                b = F.b64("%s:%s" % (d["user"], t.value))
                d.update(B64=b)
                items = [S(t, cls, text=b, family=family, encoding="base64")]
            elif enc == "uesc":
                u = "".join("\\u%04x" % ord(ch) for ch in t.value)
                d.update(UESC=u)
                items = [S(t, cls, text=u, family=family, encoding="json-escape")]
            else:
                items = [S(t, cls, family=family)]
        for k in ("enc", "indent"):
            d.pop(k, None)
        if cls == "away-from-name":
            for it in items:
                it["multiline"] = True
        return sub(tpl, d), items

    def secret(self, fb, cls, vt, tpl, family=None, **kw):
        text, items = self.render(cls, vt, tpl, family, **kw)
        fb.put(text, *items)

    def decoy(self, fb, dclass, text, value, family="none", end=None):
        it = D(value, dclass, family)
        fb.put(text, it)

    # ------------------------------------------------------ decoy values
    def uuid(self):
        return F.g_uuid(self.r)

    def digest(self, algo):
        h = getattr(hashlib, algo)(str(self.r.random()).encode()).hexdigest()
        return h

    def bad_token(self):
        r = self.r
        prefix = r.choice(["ghp_", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "npm_", "npm_", "pypi-"])
        if prefix == "pypi-":
            return r.choice(["PYPI_TOKEN", "TWINE_PASSWORD"]), F.g_pypi(r, valid=False), "pypi"
        fam = "npm" if prefix == "npm_" else "github"
        name = {"npm": r.choice(["NPM_TOKEN", "NODE_AUTH_TOKEN"]),
                "github": r.choice(["GITHUB_TOKEN", "GH_TOKEN", "GITHUB_PAT"])}[fam]
        return name, F.crc_token(r, prefix, valid=False), fam

    def ssh_pub(self):
        r = self.r
        k = r.randrange(3)
        if k == 0:
            return "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ%s %s@%s" % (F.mixed(r, F.ALNUM + "+/", 350), r.choice(USERS), r.choice(["laptop", "ci", "bastion"]))
        if k == 1:
            return "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI%s %s@%s" % (F.mixed(r, F.ALNUM + "+/", 43), r.choice(USERS), r.choice(["laptop", "ci", "bastion"]))
        return "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBB%s= deploy" % F.mixed(r, F.ALNUM + "+/", 87)

    def pub_pem(self, label=None):
        r = self.r
        label = label or r.choice(["PUBLIC KEY", "CERTIFICATE", "RSA PUBLIC KEY"])
        head = {"PUBLIC KEY": "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA",
                "CERTIFICATE": "MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBa",
                "RSA PUBLIC KEY": "MIIBCgKCAQEA"}[label]
        n = 392 if label != "CERTIFICATE" else 1180
        return F.pem(label, F._pem_body(r, head, n))

    def png_data_uri(self, n=None):
        r = self.r
        raw = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(r.randrange(256) for _ in range(n or r.randint(120, 900)))
        return "data:image/png;base64," + base64.b64encode(raw).decode()

    def placeholder(self):
        return self.r.choice(PLACEHOLDERS)

    def masked(self, d=None):
        r = self.r
        if d and r.random() < 0.25:
            return sub(r.choice(MASKED_URL), d)
        return r.choice(MASKED)


def ids(NAME):
    return dict(ID=NAME, id=camel_of(NAME), sid=NAME.lower(), Id=pascal_of(NAME))


# ================================================================ code files

CODE_CLASSES = [("plain", 3), ("structured-key", 4.5), ("away-from-name", 2), ("shape-only", 1.2),
                ("comment", 1.7), ("url", 1.6), ("escaped", 1.4)]
CLASS_KEY = {"plain": "plain", "structured-key": "struct", "away-from-name": "away",
             "shape-only": "shape", "comment": "comment", "url": "url", "escaped": "escaped"}
CODE_DECOYS = [("placeholder", 4), ("masked", 2), ("bad-checksum", 1.2), ("uuid", 1.4),
               ("hash", 1.5), ("test-vector", 0.9), ("non-secret-name", 2), ("identifier", 2.2),
               ("public-key", 0.7), ("base64-image", 0.4)]


def wchoice(r, pairs):
    tot = sum(w for _, w in pairs)
    x = r.random() * tot
    for k, w in pairs:
        x -= w
        if x < 0:
            return k
    return pairs[-1][0]


def code_decoy(ctx, fb, L, dclass):
    r = ctx.r
    d = ctx.fill()
    if dclass == "placeholder":
        nm = r.choice(SECRET_NAMES)
        if r.random() < 0.4:
            expr = sub(r.choice(L["envref"]), dict(ENV=nm, env=nm.lower(), Env=pascal_of(nm), sid=nm.lower()))
            d.update(ids(nm), D=expr)
            return ctx.decoy(fb, dclass, sub(r.choice(L["draw"]), d), expr)
        val = ctx.placeholder()
        d.update(ids(nm), val=val)
        return ctx.decoy(fb, dclass, sub(r.choice(L["dassign"]), d), val)
    if dclass == "masked":
        nm = r.choice(SECRET_NAMES)
        val = ctx.masked(d)
        d.update(ids(nm), val=val)
        return ctx.decoy(fb, dclass, sub(r.choice(L["dassign"]), d), val)
    if dclass == "bad-checksum":
        nm, val, fam = ctx.bad_token()
        d.update(ids(nm), val=val)
        return ctx.decoy(fb, dclass, sub(r.choice(L["dassign"]), d), val, fam)
    if dclass == "uuid":
        nm = r.choice(ID_NAMES)
        val = ctx.uuid()
        d.update(ids(nm), val=val)
        return ctx.decoy(fb, dclass, sub(r.choice(L["dassign"]), d), val)
    if dclass == "hash":
        nm, algo = r.choice(HASH_NAMES)
        val = ctx.digest(algo)
        d.update(ids(nm), val=val)
        return ctx.decoy(fb, dclass, sub(r.choice(L["dassign"]), d), val)
    if dclass == "test-vector":
        nm, val, fam = r.choice(TEST_VECTORS)
        d.update(ids(nm), val=val)
        return ctx.decoy(fb, dclass, sub(r.choice(L["dassign"]), d), val, fam)
    if dclass == "non-secret-name":
        nm, val = r.choice(NS_PAIRS)
        d.update(ids(nm), val=val)
        return ctx.decoy(fb, dclass, sub(r.choice(L["dassign"]), d), val)
    if dclass == "identifier":
        k = r.randrange(4)
        if k == 0:
            fs = r.choice(FN_NAMES)
            d.update(fsnake=fs, fcamel=camel_of(fs), FPascal=pascal_of(fs))
            text = sub(r.choice(L["fndef"]), d)
            name = {"{fsnake}": fs, "{fcamel}": camel_of(fs), "{FPascal}": pascal_of(fs)}
            val = next(v for k2, v in name.items() if v in text)
            return ctx.decoy(fb, dclass, text, val)
        if k == 1:
            fs = r.choice(FN_NAMES)
            nm = r.choice(GETTER_NAMES)
            d.update(ids(nm), fsnake=fs, fcamel=camel_of(fs), FPascal=pascal_of(fs), Label=nm.replace("_", " ").title())
            text = sub(r.choice(L["getter"]), d)
            return ctx.decoy(fb, dclass, text, text.strip())
        if k == 2:
            nm, val = r.choice(IDENT_NUM)
            d.update(ids(nm), D=val)
            return ctx.decoy(fb, dclass, sub(r.choice(L["draw"]), d), val)
        nm, val = r.choice(IDENT_PAIRS)
        d.update(ids(nm), val=val)
        return ctx.decoy(fb, dclass, sub(r.choice(L["dassign"]), d), val)
    if dclass == "public-key":
        val = ctx.ssh_pub() if r.random() < 0.6 else ctx.pub_pem().replace("\n", "\\n")
        d.update(ids(r.choice(["SSH_PUBLIC_KEY", "PUBLIC_KEY", "DEPLOY_PUBKEY", "JWT_PUBLIC_KEY", "CA_CERT"])), val=val)
        return ctx.decoy(fb, dclass, sub(r.choice(L["dassign"]), d), val)
    if dclass == "base64-image":
        val = ctx.png_data_uri()
        d.update(ids(r.choice(["LOGO_PNG", "ICON_DATA", "AVATAR_PLACEHOLDER", "SPINNER_IMG"])), val=val)
        return ctx.decoy(fb, dclass, sub(r.choice(L["dassign"]), d), val)
    raise ValueError(dclass)


def code_secret(ctx, fb, L, cls):
    vt, tpl = ctx.r.choice(L[CLASS_KEY[cls]])
    ctx.secret(fb, cls, vt, tpl)


def code_file(ctx, lang, path, nsec, ndec, classes=CODE_CLASSES, crlf=False, force=None):
    r = ctx.r
    L = LANGS[lang]
    fb = ctx.c.file(path, crlf=crlf, difficulty=force)
    d0 = ctx.fill()
    fb.raw(sub(L["head"], d0))
    wrap = L.get("wrap")
    if wrap:
        fb.raw(sub(wrap[0], d0))
    plan = [("s", wchoice(r, classes)) for _ in range(nsec)] + \
           [("d", wchoice(r, CODE_DECOYS)) for _ in range(ndec)]
    r.shuffle(plan)
    for i, (kind, cls) in enumerate(plan):
        if i % 2 == 0:
            fb.raw(sub(r.choice(L["fill"]), ctx.fill()))
        else:
            fb.raw("")
        if kind == "s":
            code_secret(ctx, fb, L, cls)
        else:
            code_decoy(ctx, fb, L, cls)
    fb.raw(sub(r.choice(L["fill"]), ctx.fill()))
    if wrap:
        fb.raw(wrap[1].rstrip("\n"))
    if L.get("tail"):
        fb.raw(L["tail"].rstrip("\n"))
    return fb


def code_files(ctx):
    r = ctx.r
    n = 9 * ctx.c.scale
    for lang in sorted(LANGS):
        L = LANGS[lang]
        for i in range(n):
            d = ctx.fill()
            base = r.choice(FNS) if lang in ("py", "rb", "rs", "sh") else d["svc"] + r.choice(["Service", "Client", "Config", "Handler", "Store"])
            if lang in ("js", "ts"):
                base = camel_of(r.choice(FNS))
            path = "%s/%s.%s" % (r.choice(L["dirs"]), base, L["ext"])
            code_file(ctx, lang, path, r.randint(4, 8), r.randint(6, 10))


TEST_DIRS = {"py": ("tests", "test_{f}.py"), "js": ("test", "{f}.test.js"), "ts": ("src/__tests__", "{f}.spec.ts"),
             "go": ("internal/auth", "{f}_test.go"), "java": ("src/test/java/com/acme", "{F}Test.java"),
             "kt": ("app/src/test/java/com/acme", "{F}Test.kt"), "cs": ("tests/Acme.Tests", "{F}Tests.cs"),
             "rb": ("spec/services", "{f}_spec.rb"), "php": ("tests/Unit", "{F}Test.php"),
             "rs": ("tests", "{f}.rs"), "sh": ("tests/e2e", "{f}.sh")}
TEST_CLASSES = [("plain", 3), ("structured-key", 3), ("away-from-name", 1), ("comment", 1), ("url", 1)]


def test_code_files(ctx):
    r = ctx.r
    for lang in sorted(TEST_DIRS):
        d, pat = TEST_DIRS[lang]
        for i in range(ctx.c.scale):
            f = r.choice(FNS)
            path = "%s/%s" % (d, pat.format(f=f, F=pascal_of(f)))
            code_file(ctx, lang, path, r.randint(3, 6), r.randint(2, 4), classes=TEST_CLASSES, force="test-fixture")


CRLF_LANGS = ["cs", "cs", "cs", "java", "py", "js", "ts", "php", "go", "kt"]


def crlf_code_files(ctx):
    r = ctx.r
    for i in range(ctx.c.scale):
        for lang in CRLF_LANGS:
            L = LANGS[lang]
            d = ctx.fill()
            path = "win/%s/%s%s.%s" % (r.choice(["Legacy", "Tools", "Desktop"]), d["svc"], r.choice(["Settings", "Sync", "Agent"]), L["ext"])
            code_file(ctx, lang, path, r.randint(4, 7), r.randint(2, 4), crlf=True, force="crlf")


def build_code(ctx):
    code_files(ctx)
    test_code_files(ctx)
    crlf_code_files(ctx)
