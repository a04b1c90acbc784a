"""Configuration, infrastructure, docs and special-shape files of the corpus."""

import json
import string

import formats as F
from templates import (CAMEL_KEY, CAMEL_PW, HOSTS, I18N, I18N_PLAIN, IDENT_PAIRS, ID_NAMES,
                       NS_PAIRS, PLACEHOLDERS, SECRET_NAMES, TEST_VECTORS, USERS, AZURITE_CS,
                       camel_of, pascal_of, sub, wchoice, D)

# Each entry: (difficulty, value type, template).  Multi-line templates are fine.
ENV_SECRETS = [
    ("plain", "r", "{NAME}={V}"), ("plain", "r", '{NAME}="{V}"'), ("plain", "k", "{NAME}={V}"),
    ("plain", "p", "{NAME}={V}"), ("plain", "p", "{NAME}='{V}'"), ("plain", "r", "export {NAME}={V}"),
    ("plain", "aws", "AWS_ACCESS_KEY_ID={AK}\nAWS_SECRET_ACCESS_KEY={SK}"),
    ("url", "u", "{NAME}={URI}"), ("url", "udb", "{NAME}={URI}"), ("url", "uhttp", "{NAME}={URI}"),
    ("comment", "r", "# {NAME}={V}"), ("comment", "k", "# previous key: {V}"),
]
ENV_DECOYS = [
    ("placeholder", "{ID}={val}"), ("placeholder", '{ID}="{val}"'), ("non-secret-name", "{ID}={val}"),
    ("identifier", "{ID}={val}"), ("uuid", "{ID}={val}"), ("masked", "{ID}={val}"),
]


def env_decoy(ctx, fb, cls, tpl):
    r = ctx.r
    if cls == "placeholder":
        nm, val = r.choice(SECRET_NAMES), r.choice(["changeme", "your-api-key-here", "<your-token>", "${API_KEY}",
                                                    "xxxxxxxxxxxxxxxx", "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx", "TODO",
                                                    "REPLACE_ME", "${{ secrets.API_KEY }}", "dummy", "op://vault/app/password"])
    elif cls == "non-secret-name":
        nm, val = r.choice(NS_PAIRS)
    elif cls == "identifier":
        nm, val = r.choice(IDENT_PAIRS)
    elif cls == "uuid":
        nm, val = r.choice(ID_NAMES), ctx.uuid()
    else:
        nm, val = r.choice(SECRET_NAMES), ctx.masked()
    ctx.decoy(fb, cls, sub(tpl, dict(ID=nm, val=val)), val)


ENV_PATHS = [".env", ".env.production", "services/api/.env", "services/worker/.env.local",
             "deploy/staging/.env", "docker/.env", ".env.development", "infra/ci/.env.ci",
             "apps/web/.env.local", "services/billing/.env"]
ENV_FILLER = ["NODE_ENV=production", "LOG_LEVEL=info", "PORT=8080", "APP_NAME=acme-api",
              "FEATURE_FLAGS=search,export", "TZ=UTC", "WORKERS=4", "CACHE_TTL=300"]


def env_files(ctx):
    r = ctx.r
    for i in range(len(ENV_PATHS) * ctx.c.scale):
        fb = ctx.c.file(ENV_PATHS[i % len(ENV_PATHS)])
        fb.raw("# %s settings" % r.choice(["runtime", "service", "local", "deploy"]))
        for _ in range(r.randint(6, 10)):
            if r.random() < 0.3:
                fb.raw(r.choice(ENV_FILLER))
            cls, vt, tpl = r.choice(ENV_SECRETS)
            ctx.secret(fb, cls, vt, tpl)
            if r.random() < 0.45:
                cls, tpl = r.choice(ENV_DECOYS)
                env_decoy(ctx, fb, cls, tpl)
    for p in [".env.example", "services/api/.env.sample", "deploy/.env.template"][:3 * ctx.c.scale]:
        fb = ctx.c.file(p)
        fb.raw("# copy to .env and fill in")
        for _ in range(r.randint(6, 10)):
            env_decoy(ctx, fb, "placeholder", r.choice(["{ID}={val}", '{ID}="{val}"']))
        fb.raw(r.choice(ENV_FILLER))


# ------------------------------------------------------------ docker compose

def compose_files(ctx):
    r = ctx.r
    for i in range(4 * ctx.c.scale):
        fb = ctx.c.file(r.choice(["docker-compose.yml", "deploy/docker-compose.prod.yml", "compose.yaml",
                                  "dev/docker-compose.override.yml"]))
        fb.raw('version: "3.9"\nservices:')
        for svc in r.sample(["api", "worker", "web", "scheduler"], 2):
            fb.raw("  %s:\n    image: %s\n    restart: unless-stopped\n    environment:" % (svc, r.choice(["acme/api:1.4.2", "acme/worker:2.0.1"])))
            listform = r.random() < 0.5
            for _ in range(r.randint(2, 4)):
                if listform:
                    ctx.secret(fb, "plain", r.choice("rkp"), "      - {NAME}={V}")
                else:
                    ctx.secret(fb, "plain", r.choice("rkp"), "      {NAME}: {V}")
            if listform:
                ctx.secret(fb, "url", "u", "      - {NAME}={URI}")
                ctx.decoy(fb, "placeholder", "      - API_KEY=${API_KEY}", "${API_KEY}")
            else:
                ctx.secret(fb, "url", "u", '      {NAME}: "{URI}"')
                ph = r.choice(["${STRIPE_SECRET_KEY}", "${SMTP_PASSWORD:-changeme}", "${GITHUB_TOKEN:?required}"])
                ctx.decoy(fb, "placeholder", "      SECRET_VALUE: %s" % ph, ph)
        dg = ctx.digest("sha256")
        ctx.decoy(fb, "hash", "  db:\n    image: postgres:16@sha256:%s" % dg, dg)
        fb.raw("    environment:")
        ctx.secret(fb, "plain", "p", "      POSTGRES_PASSWORD: {V}")
        ctx.decoy(fb, "identifier", "      POSTGRES_PASSWORD_FILE: /run/secrets/db_password", "/run/secrets/db_password")
        fb.raw("    healthcheck:")
        ctx.secret(fb, "structured-key", "p", '      test: ["CMD", "mysqladmin", "ping", "-h", "localhost", "-uroot", "-p{V}"]')
        fb.raw("      interval: 10s\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata: {}")


# ----------------------------------------------------------------- Dockerfile

def dockerfiles(ctx):
    r = ctx.r
    for i in range(5 * ctx.c.scale):
        fb = ctx.c.file(r.choice(["Dockerfile", "docker/api.Dockerfile", "services/worker/Dockerfile",
                                  "build/Dockerfile.ci", "deploy/Dockerfile"]))
        dg = ctx.digest("sha256")
        ctx.decoy(fb, "hash", "FROM node:20-slim@sha256:%s AS build" % dg, dg)
        fb.raw("WORKDIR /app\nCOPY package*.json ./")
        ctx.secret(fb, "plain", r.choice(["npm", "ghp", "r"]), "ARG {NAME}={V}")
        ctx.secret(fb, "structured-key", "npm", 'RUN echo "//registry.npmjs.org/:_authToken={V}" > .npmrc && npm ci && rm .npmrc')
        ctx.secret(fb, "plain", r.choice("rkp"), "ENV {NAME}={V}")
        ctx.secret(fb, "plain", r.choice("rk"), "ENV {NAME} {V}")
        ctx.secret(fb, "url", "ugit", "RUN git clone {URI} /src/vendor")
        ctx.secret(fb, "structured-key", "ghp", 'RUN curl -fsSL -H "Authorization: token {V}" https://api.github.com/repos/acme/tools/tarball | tar xz')
        ph = r.choice(["${API_KEY}", "$NPM_TOKEN", "${GITHUB_TOKEN}"])
        ctx.decoy(fb, "placeholder", "ENV API_KEY=%s" % ph, ph)
        fb.raw("COPY . .\nRUN npm run build\n\nFROM gcr.io/distroless/nodejs20\nCOPY --from=build /app/dist /app\nCMD [\"/app/server.js\"]")


# ------------------------------------------------------------------ Kubernetes

def k8s_files(ctx):
    r = ctx.r
    sc = ctx.c.scale
    for i in range(3 * sc):
        fb = ctx.c.file("k8s/%s/secret-%s.yaml" % (r.choice(["base", "overlays/prod", "overlays/staging"]), r.choice(["app", "api", "db", "smtp"])))
        fb.raw("apiVersion: v1\nkind: Secret\nmetadata:\n  name: app-secrets\n  namespace: %s\ntype: Opaque\nstringData:" % r.choice(["prod", "default", "payments"]))
        for _ in range(r.randint(3, 5)):
            vt, tpl = r.choice([("a", "  {skey}: {V}"), ("a", '  {key}: "{V}"'), ("r", "  {NAME}: {V}"),
                                ("p", "  db-password: {V}"), ("k", "  api-key: {V}")])
            ctx.secret(fb, "structured-key", vt, tpl)
        ctx.secret(fb, "url", "u", '  {NAME}: "{URI}"')
        fb.raw("  config.yaml: |\n    server:\n      port: 8080")
        ctx.secret(fb, "structured-key", "p", "      adminPassword: {V}")
    for i in range(4 * sc):
        fb = ctx.c.file("k8s/%s/secret-data-%d.yaml" % (r.choice(["base", "overlays/prod"]), i))
        fb.raw("apiVersion: v1\nkind: Secret\nmetadata:\n  name: %s-credentials\ntype: Opaque\ndata:" % r.choice(["api", "registry", "db"]))
        for _ in range(r.randint(3, 5)):
            ctx.secret(fb, "encoded", r.choice(["a", "r", "p"]), "  {skey}: {B64}", enc="b64")
        if r.random() < 0.6:
            fb.raw("---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: regcred\ntype: kubernetes.io/dockerconfigjson\ndata:")
            auth = ctx.render("encoded", "p", "{B64}", enc="b64auth", family="dockerhub")
            cfg = json.dumps({"auths": {"registry.acme.dev": {"auth": auth[0]}}}, separators=(",", ":"))
            b = F.b64(cfg)
            it = dict(auth[1][0])
            it["text"] = b[:60]
            it["encoding"] = "base64>base64"
            fb.put("  .dockerconfigjson: %s" % b, it)
    for i in range(4 * sc):
        fb = ctx.c.file("k8s/%s/deployment-%s.yaml" % (r.choice(["base", "apps"]), r.choice(["api", "worker", "web", "cron"])))
        fb.raw("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  annotations:")
        dg = ctx.digest("sha256")
        ctx.decoy(fb, "hash", "    checksum/config: %s" % dg, dg)
        fb.raw("spec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: api")
        dg = ctx.digest("sha256")
        ctx.decoy(fb, "hash", "          image: ghcr.io/acme/api@sha256:%s" % dg, dg)
        fb.raw("          env:")
        for _ in range(r.randint(2, 4)):
            ctx.secret(fb, "away-from-name", r.choice("rkp"), r.choice([
                '            - name: {NAME}\n              value: "{V}"',
                "            - name: {NAME}\n              value: {V}"]))
        fb.raw("            - name: LOG_LEVEL\n              value: info")
        fb.raw("            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: app-secrets")
        ctx.decoy(fb, "non-secret-name", "                  key: db-password", "db-password")
        ctx.decoy(fb, "identifier", "            - name: TOKEN_PATH\n              value: /var/run/secrets/tokens/api-token", "/var/run/secrets/tokens/api-token")
    for i in range(2 * sc):
        fb = ctx.c.file("k8s/base/tls-%d.yaml" % i)
        fb.raw("apiVersion: v1\nkind: Secret\nmetadata:\n  name: ingress-tls\ntype: kubernetes.io/tls\nstringData:")
        cert = ctx.pub_pem("CERTIFICATE")
        ind = "\n".join("    " + x for x in cert.split("\n"))
        ctx.decoy(fb, "public-key", "  tls.crt: |\n" + ind, ind)
        ctx.secret(fb, "away-from-name", "pemind", "  tls.key: |\n{PEMIND}", indent="    ")


# ---------------------------------------------------------------------- Helm

HELM_STRUCT = [
    ("p", "auth:\n  adminPassword: {V}\n  existingSecret: \"\""), ("p", "postgresql:\n  auth:\n    postgresPassword: {V}"),
    ("p", "redis:\n  auth:\n    password: {V}"), ("k", "externalApi:\n  apiKey: {V}\n  timeoutSeconds: 30"),
    ("p", "smtp:\n  host: smtp.mailhost.io\n  pass: {V}"), ("r", "secrets:\n  {key}: {V}"),
    ("k", "oauth:\n  clientId: acme-web\n  clientSecret: {V}"), ("r", "env:\n  {NAME}: \"{V}\""),
    ("k", "grafana:\n  adminUser: admin\n  adminPassword: \"{V}\""), ("k", "webhook:\n  signingSecret: '{V}'"),
]


def helm_files(ctx):
    r = ctx.r
    for i in range(5 * ctx.c.scale):
        chart = r.choice(["api", "worker", "platform", "gateway", "metrics"])
        fb = ctx.c.file("charts/%s/values%s.yaml" % (chart, r.choice(["", "-prod", "-staging"])))
        fb.raw("replicaCount: 2\nimage:\n  repository: ghcr.io/acme/%s\n  tag: \"1.%d.0\"\n  pullPolicy: IfNotPresent" % (chart, r.randint(0, 30)))
        for vt, tpl in r.sample(HELM_STRUCT, 4):
            ctx.secret(fb, "structured-key", vt, tpl)
            if r.random() < 0.5:
                nm, val = r.choice([("existingSecretPasswordKey", "password"), ("passwordSecretRef", "db-creds"),
                                    ("tokenSecretName", "api-token"), ("secretName", "tls-prod")])
                ctx.decoy(fb, "non-secret-name", "  %s: %s" % (nm, val), val)
        ph = r.choice(["\"<set-me>\"", "\"\"  # set with --set apiKey=...", "changeme"])
        ctx.decoy(fb, "placeholder", "apiKey: %s" % ph, ph.split()[0].strip('"') or ph)
        tpl = ctx.c.file("charts/%s/templates/deployment.yaml" % chart)
        tpl.raw("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include \"app.fullname\" . }}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          env:")
        for v in r.sample([".Values.auth.adminPassword", ".Values.externalApi.apiKey", ".Values.oauth.clientSecret", ".Values.smtp.pass"], 3):
            ph = "{{ %s | quote }}" % v
            tpl.raw("            - name: %s" % v.split(".")[-1].upper())
            ctx.decoy(tpl, "placeholder", "              value: %s" % ph, ph)


# ----------------------------------------------------------------- Terraform

def terraform_files(ctx):
    r = ctx.r
    for i in range(5 * ctx.c.scale):
        d = r.choice(["infra", "infra/modules/db", "terraform/prod", "terraform/staging", "infra/modules/ci"])
        fb = ctx.c.file("%s/main.tf" % d)
        fb.raw('terraform {\n  required_version = ">= 1.5"\n}\n')
        ctx.secret(fb, "structured-key", "aws", 'provider "aws" {\n  region     = "eu-west-1"\n  access_key = "{AK}"\n  secret_key = "{SK}"\n}')
        ctx.secret(fb, "structured-key", "p", 'variable "db_password" {\n  description = "Database admin password"\n  type        = string\n  default     = "{V}"\n  sensitive   = true\n}')
        ctx.secret(fb, "structured-key", "k", 'variable "{skey}" {\n  type    = string\n  default = "{V}"\n}')
        ctx.secret(fb, "structured-key", "p", 'resource "aws_db_instance" "main" {\n  engine   = "postgres"\n  username = "dbadmin"\n  password = "{V}"\n}')
        ctx.secret(fb, "structured-key", r.choice(["ghp", "github_pat", "r"]), 'resource "github_actions_secret" "deploy" {\n  repository      = "api"\n  secret_name     = "DEPLOY_TOKEN"\n  plaintext_value = "{V}"\n}')
        ctx.secret(fb, "structured-key", "datadog_api", 'provider "datadog" {\n  api_key = "{V}"')
        ctx.secret(fb, "structured-key", "datadog_app", '  app_key = "{V}"\n}')
        pk = ctx.ssh_pub()
        ctx.decoy(fb, "public-key", 'resource "aws_key_pair" "deploy" {\n  key_name   = "deploy"\n  public_key = "%s"\n}' % pk, pk)
        ctx.decoy(fb, "placeholder", 'module "db" {\n  source   = "./modules/db"\n  password = var.db_password\n}', "var.db_password")
        ctx.decoy(fb, "identifier", 'resource "random_password" "db" {\n  length  = 24\n  special = true\n}\n\nlocals {\n  db_password = random_password.db.result\n}', "random_password.db.result")
        tv = ctx.c.file("%s/terraform.tfvars" % d)
        for _ in range(r.randint(2, 4)):
            ctx.secret(tv, "plain", r.choice("rkp"), '{name} = "{V}"')
        tv.raw('region = "eu-west-1"\ninstance_type = "t3.medium"')


# -------------------------------------------------------------- JSON configs

def jdump(obj):
    return json.dumps(obj, indent=2, ensure_ascii=False)


def json_files(ctx):
    r = ctx.r
    sc = ctx.c.scale
    for i in range(4 * sc):
        fb = ctx.c.file(r.choice(["config/default.json", "config/production.json", "server/config.json", "apps/api/config/prod.json"]))
        fb.raw('{\n  "port": 8080,\n  "db": {\n    "host": "%s",' % r.choice(HOSTS))
        ctx.secret(fb, "structured-key", "p", '    "password": "{V}",')
        fb.raw('    "pool": 10\n  },\n  "services": {')
        for _ in range(r.randint(2, 4)):
            ctx.secret(fb, "structured-key", r.choice("akr"), '    "{key}": "{V}",')
        ctx.secret(fb, "structured-key", "stripe_sk", '    "stripe": { "secretKey": "{V}", "currency": "eur" },')
        ctx.secret(fb, "escaped", "p", '    "bootstrapEnv": "{\\"DB_USER\\":\\"{user}\\",\\"DB_PASSWORD\\":\\"{V}\\"}",')
        ctx.decoy(fb, "uuid", '    "tenantId": "%s",' % (u := ctx.uuid()), u)
        ctx.decoy(fb, "non-secret-name", '    "tokenType": "bearer",', "bearer")
        fb.raw('    "timeout": 30\n  }\n}')
    for i in range(3 * sc):
        crlf = i % 3 == 0
        fb = ctx.c.file("src/Acme.Api/appsettings%s.json" % r.choice(["", ".Production", ".Staging"]), crlf=crlf,
                        difficulty="crlf" if crlf else None)
        fb.raw('{\n  "Logging": { "LogLevel": { "Default": "Information" } },\n  "ConnectionStrings": {')
        ctx.secret(fb, "structured-key", "cs", '    "Default": "{CS}"')
        fb.raw("  },")
        ctx.secret(fb, "structured-key", "k", '  "Jwt": { "Issuer": "acme", "Key": "{V}" },')
        ctx.secret(fb, "structured-key", "sendgrid", '  "SendGrid": {\n    "ApiKey": "{V}"\n  },')
        ctx.secret(fb, "structured-key", "azure_storage", '  "Storage": "DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey={V};EndpointSuffix=core.windows.net",')
        ctx.decoy(fb, "test-vector", '  "LocalStorage": "%s",' % AZURITE_CS, AZURITE_CS.split("AccountKey=")[1].split(";")[0], "azure")
        ph = "@Microsoft.KeyVault(SecretUri=https://kv-prod.vault.azure.net/secrets/smtp-password/)"
        ctx.decoy(fb, "placeholder", '  "SmtpPassword": "%s",' % ph, ph)
        ctx.decoy(fb, "uuid", '  "AzureAd": { "TenantId": "%s" },' % (u := ctx.uuid()), u)
        fb.raw('  "AllowedHosts": "*"\n}')
    for i in range(2 * sc):
        fb = ctx.c.file(r.choice(["android/app/google-services.json", "ios/GoogleService-Info.json"]))
        fb.raw('{\n  "project_info": {\n    "project_number": "%s",\n    "project_id": "acme-mobile"\n  },\n  "client": [\n    {\n      "api_key": [' % F.rs(r, string.digits, 12))
        ctx.secret(fb, "structured-key", "gcp_api", '        { "current_key": "{V}" }')
        fb.raw("      ]\n    }\n  ]\n}")
    for i in range(sc):
        fb = ctx.c.file("auth.json")
        fb.raw('{\n  "github-oauth": {')
        ctx.secret(fb, "structured-key", "gho", '    "github.com": "{V}"')
        fb.raw('  },\n  "http-basic": {\n    "repo.packagist.com": {\n      "username": "token",')
        ctx.secret(fb, "structured-key", "p", '      "password": "{V}"')
        fb.raw("    }\n  }\n}")
        fb = ctx.c.file(".vscode/settings.json")
        fb.raw('{\n  "editor.formatOnSave": true,\n  "sqltools.connections": [\n    {\n      "name": "prod",\n      "server": "%s",\n      "username": "app",' % r.choice(HOSTS))
        ctx.secret(fb, "structured-key", "p", '      "password": "{V}"')
        fb.raw("    }\n  ],")
        ctx.secret(fb, "structured-key", "r", '  "rest-client.environmentVariables": { "prod": { "{key}": "{V}" } }')
        fb.raw("}")
    # JSON with \u escapes (encoded)
    for i in range(2 * sc):
        fb = ctx.c.file("config/secrets.%d.json" % i)
        fb.raw("{")
        for _ in range(r.randint(3, 4)):
            ctx.secret(fb, "encoded", r.choice("akr"), '  "{key}": "{UESC}",', enc="uesc")
        fb.raw('  "version": 2\n}')


# --------------------------------------------------------------- YAML configs

def yaml_files(ctx):
    r = ctx.r
    sc = ctx.c.scale
    for i in range(4 * sc):
        fb = ctx.c.file(r.choice(["src/main/resources/application.yml", "service/src/main/resources/application-prod.yml",
                                  "config/application.yaml"]))
        fb.raw("server:\n  port: 8080\nspring:\n  datasource:")
        ctx.secret(fb, "url", "cs", '    url: "{CS}"')
        fb.raw("    username: app")
        ctx.secret(fb, "structured-key", "p", "    password: {V}")
        fb.raw("  mail:\n    host: smtp.mailhost.io")
        ctx.secret(fb, "structured-key", "p", "    password: '{V}'")
        fb.raw("  security:\n    oauth2:\n      client:\n        registration:\n          github:\n            client-id: Iv1.%s" % F.rs(r, F.HEX, 16))
        ctx.secret(fb, "structured-key", "k", "            client-secret: {V}")
        fb.raw("app:")
        ctx.secret(fb, "structured-key", "k", "  jwt-secret: {V}")
        ctx.secret(fb, "structured-key", "r", "  {kebab}: {V}")
        ph = r.choice(["${DB_PASSWORD}", "${vcap.services.db.credentials.password}", "ENC(G6N718UuyPE5bHyWKyuLQSm02auQPUtm)"])
        ctx.decoy(fb, "placeholder", "  fallback-password: %s" % ph, ph)
        ctx.decoy(fb, "non-secret-name", "  token-validity-seconds: 3600", "3600")
    for i in range(3 * sc):
        fb = ctx.c.file(r.choice(["config/settings.yaml", "deploy/values/app.yaml", "conf/service.yml"]))
        fb.raw("service:\n  name: %s\n  region: eu-west-1" % r.choice(["api", "billing", "search"]))
        fb.raw("tokens:")
        for _ in range(r.randint(1, 3)):
            ctx.secret(fb, "away-from-name", r.choice("rs"), "  - {V}")
        ctx.secret(fb, "away-from-name", "r", "{skey}: |\n  {V}")
        ctx.secret(fb, "away-from-name", "okta", "# prod okta api token:\nadmin_cred: {V}")
        ctx.secret(fb, "away-from-name", "r", "{skey}: >-\n  {V}")
        ctx.secret(fb, "away-from-name", "a", "credentials:\n  {key}:\n    {V}")
        ctx.secret(fb, "away-from-name", "pemind", "signing_key: |\n{PEMIND}", indent="  ")
        ctx.decoy(fb, "non-secret-name", "token_type: bearer", "bearer")
        ctx.decoy(fb, "identifier", "password_reset_url: https://example.com/account/reset", "https://example.com/account/reset")
    # CI workflows
    for i in range(3 * sc):
        fb = ctx.c.file(".github/workflows/%s.yml" % r.choice(["ci", "release", "deploy", "nightly"]))
        fb.raw("name: ci\non:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    env:")
        for nm in r.sample(["NPM_TOKEN", "GITHUB_TOKEN", "DOCKERHUB_TOKEN", "PYPI_API_TOKEN", "SLACK_WEBHOOK_URL", "AWS_SECRET_ACCESS_KEY"], 3):
            ph = "${{ secrets.%s }}" % nm
            ctx.decoy(fb, "placeholder", "      %s: %s" % (nm, ph), ph)
        ctx.secret(fb, "plain", r.choice(["ghp", "npm", "docker", "r"]), "      {NAME}: {V}")
        fb.raw("    steps:\n      - uses: actions/checkout@%s" % ctx.digest("sha1"))
        fb.raw("      - run: npm ci")
        ctx.secret(fb, "structured-key", "k", '      - run: curl -sf -H "Authorization: Bearer {V}" https://api.acme.dev/deploy')
        ph = "${{ secrets.DEPLOY_KEY }}"
        ctx.decoy(fb, "placeholder", "      - run: ./deploy.sh --key %s" % ph, ph)
    for i in range(2 * sc):
        fb = ctx.c.file(r.choice([".gitlab-ci.yml", "ci/.gitlab-ci.yml"]))
        fb.raw("stages: [build, deploy]\nvariables:")
        ctx.secret(fb, "plain", r.choice(["docker", "p", "glptt"]), '  {NAME}: "{V}"')
        ctx.decoy(fb, "placeholder", '  REGISTRY_PASSWORD: "$CI_JOB_TOKEN"', "$CI_JOB_TOKEN")
        fb.raw("deploy:\n  stage: deploy\n  script:")
        ctx.secret(fb, "structured-key", "p", '    - echo "{V}" | docker login -u deploy --password-stdin registry.acme.dev')
        ctx.secret(fb, "structured-key", "glpat", '    - "curl --header \\"PRIVATE-TOKEN: {V}\\" https://gitlab.com/api/v4/projects"')
    # ansible
    for i in range(2 * sc):
        fb = ctx.c.file("ansible/group_vars/%s.yml" % r.choice(["all", "prod", "db"]))
        fb.raw("---\nntp_server: pool.ntp.org")
        ctx.secret(fb, "plain", "p", "ansible_become_password: {V}")
        ctx.secret(fb, "plain", "p", "mysql_root_password: \"{V}\"")
        vault = "$ANSIBLE_VAULT;1.1;AES256"
        lines = "\n".join("          " + F.rs(r, "0123456789", 1) + F.rs(r, F.HEX, 79) for _ in range(4))
        ctx.decoy(fb, "placeholder", "vault_api_token: !vault |\n          %s\n%s" % (vault, lines), "!vault |")
        ctx.decoy(fb, "placeholder", 'db_password: "{{ vault_db_password }}"', "{{ vault_db_password }}")


# ----------------------------------------------------------------------- TOML

def toml_files(ctx):
    r = ctx.r
    sc = ctx.c.scale
    for i in range(3 * sc):
        fb = ctx.c.file(r.choice(["config.toml", "config/prod.toml", "settings/app.toml"]))
        fb.raw('title = "acme"\n\n[server]\nport = 8080\n\n[database]\nhost = "%s"\nuser = "app"' % r.choice(HOSTS))
        ctx.secret(fb, "structured-key", "p", 'password = "{V}"')
        fb.raw("\n[smtp]\nhost = \"smtp.mailhost.io\"")
        ctx.secret(fb, "structured-key", "p", "pass = '{V}'")
        fb.raw("\n[api]")
        ctx.secret(fb, "structured-key", "a", '{key} = "{V}"')
        ctx.secret(fb, "structured-key", "r", 'key = "{V}"')
        ctx.decoy(fb, "non-secret-name", 'token_ttl = 3600', "3600")
        ctx.decoy(fb, "placeholder", 'secret = "${APP_SECRET}"', "${APP_SECRET}")
    for i in range(sc):
        fb = ctx.c.file(".cargo/credentials.toml")
        fb.raw("[registry]")
        tok = "cio" + F.mixed(r, F.ALNUM, 32)
        fb.put('token = "%s"' % tok, {"kind": "secret", "family": "crates-io", "difficulty": "structured-key", "secret": tok})
        fb = ctx.c.file("netlify.toml")
        fb.raw('[build]\n  command = "npm run build"\n  publish = "dist"\n\n[build.environment]')
        ctx.secret(fb, "plain", "r", '  {NAME} = "{V}"')
        fb = ctx.c.file(".streamlit/secrets.toml")
        ctx.secret(fb, "plain", r.choice(["openai_proj", "anthropic", "hf"]), '{name} = "{V}"')
        fb.raw("\n[connections.postgresql]\ndialect = \"postgresql\"\nhost = \"%s\"\nusername = \"app\"" % r.choice(HOSTS))
        ctx.secret(fb, "structured-key", "p", 'password = "{V}"')


# ------------------------------------------------------------ INI/properties

def ini_files(ctx):
    r = ctx.r
    sc = ctx.c.scale
    for i in range(4 * sc):
        fb = ctx.c.file(r.choice(["src/main/resources/application.properties", "config/app.properties",
                                  "service/src/main/resources/application-prod.properties"]))
        fb.raw("server.port=8080\nspring.application.name=%s" % r.choice(["api", "billing"]))
        ctx.secret(fb, "url", "cs", "spring.datasource.url={CS}")
        ctx.secret(fb, "structured-key", "p", "spring.datasource.password={V}")
        ctx.secret(fb, "structured-key", "p", "spring.mail.password = {V}")
        ctx.secret(fb, "structured-key", "k", "app.api.key={V}")
        ctx.secret(fb, "structured-key", "r", "{dotted}: {V}")
        ph = r.choice(["${DB_PASSWORD}", "ENC(nR6dpsWq0U1ZgT2yzKpM5A==)", "${vault.db.password}"])
        ctx.decoy(fb, "placeholder", "spring.datasource.hikari.password=%s" % ph, ph)
        ctx.decoy(fb, "non-secret-name", "app.security.password-policy=strict", "strict")
        ctx.decoy(fb, "identifier", "server.ssl.key-store=classpath:keystore.p12", "classpath:keystore.p12")
    for i in range(2 * sc):
        fb = ctx.c.file(r.choice(["gradle.properties", "android/gradle.properties"]))
        fb.raw("org.gradle.jvmargs=-Xmx2g\nandroid.useAndroidX=true")
        ctx.secret(fb, "structured-key", "p", "ossrhPassword={V}")
        ctx.secret(fb, "structured-key", "p", "signing.password={V}")
        ctx.secret(fb, "structured-key", r.choice(["ghp", "github_pat"]), "gpr.key={V}")
        ctx.decoy(fb, "non-secret-name", "signing.keyId=%s" % (k := F.rs(r, F.HEXU, 8)), k)
    for i in range(4 * sc):
        crlf = i % 2 == 1
        fb = ctx.c.file(r.choice(["config.ini", "conf/app.ini", "settings.cfg", "deploy/service.conf"]), crlf=crlf,
                        difficulty="crlf" if crlf else None)
        fb.raw("[server]\nhost = 0.0.0.0\nport = 8080\n\n[database]\nhost = %s\nuser = app" % r.choice(HOSTS))
        ctx.secret(fb, "structured-key", "p", "password = {V}")
        fb.raw("\n[api]")
        ctx.secret(fb, "structured-key", "k", "api_key = {V}")
        ctx.secret(fb, "structured-key", "r", "{skey}={V}")
        ctx.decoy(fb, "placeholder", "secret = %s" % (p := r.choice(["changeme", "%(APP_SECRET)s", "<fill-me>"])), p)
        ctx.decoy(fb, "uuid", "client_id = %s" % (u := ctx.uuid()), u)
    for i in range(sc):
        fb = ctx.c.file(".pypirc")
        fb.raw("[distutils]\nindex-servers =\n    pypi\n    internal\n\n[pypi]\nusername = __token__")
        ctx.secret(fb, "structured-key", "pypi", "password = {V}")
        fb.raw("\n[internal]\nrepository = https://pypi.acme.dev/\nusername = deploy")
        ctx.secret(fb, "structured-key", "p", "password = {V}")
        fb = ctx.c.file(r.choice(["pip.conf", ".config/pip/pip.conf"]))
        fb.raw("[global]\ntimeout = 60")
        ctx.secret(fb, "structured-key", "pu", "index-url = https://deploy:{V}@pypi.acme.dev/simple/", family="url-credentials")
        fb = ctx.c.file(".npmrc")
        fb.raw("registry=https://registry.npmjs.org/\nsave-exact=true")
        ctx.secret(fb, "structured-key", "npm", "//registry.npmjs.org/:_authToken={V}")
        ctx.secret(fb, "structured-key", r.choice(["ghp", "github_pat"]), "//npm.pkg.github.com/:_authToken={V}")
        ctx.decoy(fb, "placeholder", "//npm.acme.dev/:_authToken=${NPM_TOKEN}", "${NPM_TOKEN}")
        fb = ctx.c.file("frontend/.npmrc")
        fb.raw("@acme:registry=https://npm.acme.dev/\nalways-auth=true")
        ctx.secret(fb, "encoded", "p", "_auth={B64}", enc="b64auth", family="npm")
        ctx.secret(fb, "encoded", "p", "//npm.acme.dev/:_password={B64}", enc="b64", family="npm")
        fb = ctx.c.file(".my.cnf")
        fb.raw("[client]\nuser=root\nhost=%s" % r.choice(HOSTS))
        ctx.secret(fb, "structured-key", "p", "password={V}")
        fb = ctx.c.file("etc/odbc.ini")
        fb.raw("[prod]\nDriver = ODBC Driver 18 for SQL Server\nServer = %s\nUID = report" % r.choice(HOSTS))
        ctx.secret(fb, "structured-key", "p", "PWD = {V}")
        fb = ctx.c.file(".netrc")
        ctx.secret(fb, "structured-key", "heroku_uuid", "machine api.heroku.com\n  login ops@acme-corp.com\n  password {V}")
        ctx.secret(fb, "structured-key", r.choice(["ghp", "gho"]), "machine github.com login acme-bot password {V}")
        fb = ctx.c.file(".git-credentials")
        for _ in range(2):
            t = ctx.c.token(r.choice(["ghp", "github_pat", "glpat"]))
            host = "gitlab.com" if t.family == "gitlab" else "github.com"
            fb.put("https://%s:%s@%s" % (r.choice(USERS), t.value, host),
                   {"kind": "secret", "family": t.family, "difficulty": "url", "secret": t.value})
        fb = ctx.c.file(".aws/credentials")
        ctx.secret(fb, "plain", "aws", "[default]\naws_access_key_id = {AK}\naws_secret_access_key = {SK}")
        ctx.secret(fb, "plain", "aws", "\n[prod]\naws_access_key_id={AK}\naws_secret_access_key={SK}\nregion=eu-west-1")
        fb = ctx.c.file(".s3cfg")
        ctx.secret(fb, "structured-key", "aws", "[default]\naccess_key = {AK}\nsecret_key = {SK}\nhost_base = s3.amazonaws.com")
    for i in range(4 * sc):
        fb = ctx.c.file(r.choice(["deploy/nginx/.htpasswd", "ops/.htpasswd", "docker/registry/htpasswd", "conf/.htpasswd"]))
        for _ in range(r.randint(3, 5)):
            h = F.g_htpasswd(r)
            fb.put("%s:%s" % (r.choice(USERS), h), {"kind": "secret", "family": "htpasswd",
                                                    "difficulty": "structured-key", "secret": h})


# ----------------------------------------------------------------------- XML

def xml_files(ctx):
    r = ctx.r
    sc = ctx.c.scale
    for i in range(3 * sc):
        crlf = i % 3 != 2
        fb = ctx.c.file(r.choice(["src/Acme.Web/Web.config", "legacy/web.config", "src/Acme.Web/Web.Release.config"]),
                        crlf=crlf, difficulty="crlf" if crlf else None)
        fb.raw('<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <appSettings>')
        ctx.secret(fb, "structured-key", "k", '    <add key="ApiKey" value="{V}" />')
        ctx.secret(fb, "structured-key", r.choice(["stripe_sk", "sendgrid", "r"]), '    <add key="{Pascal}" value="{V}" />')
        ctx.decoy(fb, "non-secret-name", '    <add key="TokenLifetimeMinutes" value="60" />', "60")
        ctx.decoy(fb, "placeholder", '    <add key="SmtpPassword" value="#{SmtpPassword}#" />', "#{SmtpPassword}#")
        fb.raw("  </appSettings>\n  <connectionStrings>")
        ctx.secret(fb, "structured-key", "cs", '    <add name="Default" connectionString="{CS}" providerName="System.Data.SqlClient" />')
        fb.raw("  </connectionStrings>\n</configuration>")
    for i in range(2 * sc):
        fb = ctx.c.file(r.choice([".m2/settings.xml", "ci/maven-settings.xml"]))
        fb.raw('<settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">\n  <servers>\n    <server>\n      <id>nexus-releases</id>\n      <username>deploy</username>')
        ctx.secret(fb, "structured-key", "p", "      <password>{V}</password>")
        fb.raw("    </server>\n    <server>\n      <id>github</id>\n      <username>acme-bot</username>")
        ctx.secret(fb, "structured-key", r.choice(["ghp", "github_pat"]), "      <password>{V}</password>")
        fb.raw("    </server>\n    <server>\n      <id>snapshots</id>")
        ctx.decoy(fb, "placeholder", "      <password>${env.NEXUS_PASSWORD}</password>", "${env.NEXUS_PASSWORD}")
        fb.raw("    </server>\n    <server>\n      <id>central</id>")
        enc = "{" + F.mixed(r, F.ALNUM + "+/", 43) + "=}"
        ctx.decoy(fb, "placeholder", "      <password>%s</password>" % enc, enc)
        fb.raw("    </server>\n  </servers>\n</settings>")
    for i in range(2 * sc):
        fb = ctx.c.file("src/main/resources/%s.xml" % r.choice(["applicationContext", "spring-datasource", "beans"]))
        fb.raw('<beans xmlns="http://www.springframework.org/schema/beans">\n  <bean id="dataSource" class="com.zaxxer.hikari.HikariDataSource">\n    <property name="username" value="app" />')
        ctx.secret(fb, "structured-key", "p", '    <property name="password" value="{V}" />')
        fb.raw('  </bean>\n  <bean id="client" class="com.acme.ApiClient">')
        ctx.secret(fb, "structured-key", "k", '    <property name="apiKey" value="{V}" />')
        ctx.decoy(fb, "placeholder", '    <property name="secret" value="${api.secret}" />', "${api.secret}")
        fb.raw("  </bean>\n</beans>")
    for i in range(sc):
        fb = ctx.c.file("conf/config.properties.xml")
        fb.raw('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE properties SYSTEM "http://java.sun.com/dtd/properties.dtd">\n<properties>\n  <entry key="db.user">app</entry>')
        ctx.secret(fb, "structured-key", "p", '  <entry key="db.password">{V}</entry>')
        ctx.secret(fb, "structured-key", "k", '  <entry key="api.token">{V}</entry>')
        fb.raw("</properties>")
        fb = ctx.c.file("tomcat/conf/tomcat-users.xml")
        fb.raw('<tomcat-users>\n  <role rolename="manager-gui"/>')
        ctx.secret(fb, "structured-key", "p", '  <user username="admin" password="{V}" roles="manager-gui"/>')
        fb.raw("</tomcat-users>")
        fb = ctx.c.file("tomcat/conf/context.xml")
        ctx.secret(fb, "structured-key", "p", '<Context>\n  <Resource name="jdbc/app" auth="Container" type="javax.sql.DataSource"\n            username="app" password="{V}"\n            url="jdbc:postgresql://db:5432/app"/>\n</Context>')
        fb = ctx.c.file("NuGet.config")
        fb.raw('<configuration>\n  <packageSourceCredentials>\n    <github>\n      <add key="Username" value="acme-bot" />')
        ctx.secret(fb, "structured-key", "ghp", '      <add key="ClearTextPassword" value="{V}" />')
        fb.raw("    </github>\n  </packageSourceCredentials>\n</configuration>")
        fb = ctx.c.file("android/app/src/main/res/values/keys.xml")
        fb.raw('<?xml version="1.0" encoding="utf-8"?>\n<resources>\n  <string name="app_name">Acme</string>')
        ctx.secret(fb, "structured-key", "gcp_api", '  <string name="google_maps_key" translatable="false">{V}</string>')
        ctx.secret(fb, "structured-key", "k", '  <string name="backend_api_key">{V}</string>')
        fb.raw("</resources>")


# ------------------------------------------------------------- MCP / agents

MCP_SERVERS = [
    ("github", ["-y", "@modelcontextprotocol/server-github"], "GITHUB_PERSONAL_ACCESS_TOKEN", "ghp"),
    ("gitlab", ["-y", "@modelcontextprotocol/server-gitlab"], "GITLAB_PERSONAL_ACCESS_TOKEN", "glpat"),
    ("slack", ["-y", "@modelcontextprotocol/server-slack"], "SLACK_BOT_TOKEN", "slack_bot"),
    ("brave-search", ["-y", "@modelcontextprotocol/server-brave-search"], "BRAVE_API_KEY", "generic_key"),
    ("sentry", ["-y", "@sentry/mcp-server"], "SENTRY_AUTH_TOKEN", "sentry_user"),
    ("stripe", ["-y", "@stripe/mcp", "--tools=all"], "STRIPE_SECRET_KEY", "stripe_rk"),
    ("openai", ["mcp-openai"], "OPENAI_API_KEY", "openai_proj"),
    ("huggingface", ["hf-mcp"], "HF_TOKEN", "hf"),
]


def mcp_files(ctx):
    r = ctx.r
    paths = [".cursor/mcp.json", ".vscode/mcp.json", "claude_desktop_config.json", ".mcp.json",
             ".continue/config.json", ".gemini/settings.json", "tools/agents/.cursor/mcp.json"]
    for i in range(len(paths) * ctx.c.scale):
        p = paths[i % len(paths)]
        fb = ctx.c.file(p)
        top = "servers" if p.startswith(".vscode") else "mcpServers"
        fb.raw('{\n  "%s": {' % top)
        for j, (name, args, env, variant) in enumerate(r.sample(MCP_SERVERS, 3)):
            fb.raw('    "%s": {\n      "command": "npx",\n      "args": %s,' % (name, json.dumps(args)))
            style = r.randrange(3)
            if style == 0:
                fb.raw('      "env": {')
                ctx.secret(fb, "structured-key", variant, '        "%s": "{V}"' % env)
                fb.raw("      }")
            elif style == 1:
                ctx.secret(fb, "structured-key", variant, '      "env": { "%s": "{V}" }' % env)
            else:
                ph = r.choice(["${%s}" % env, "${input:%s}" % name, "${env:%s}" % env])
                ctx.decoy(fb, "placeholder", '      "env": { "%s": "%s" }' % (env, ph), ph)
            fb.raw("    },")
        fb.raw('    "remote-api": {\n      "type": "http",\n      "url": "https://mcp.%s/v1",\n      "headers": {' % r.choice(["acme.dev", "partner-portal.com"]))
        ctx.secret(fb, "structured-key", "k", '        "Authorization": "Bearer {V}"')
        fb.raw("      }\n    },")
        if r.random() < 0.5:
            ctx.secret(fb, "structured-key", "k", '    "search": { "command": "search-mcp", "args": ["--api-key", "{V}", "--port", "3333"] }')
        else:
            fb.raw('    "search": {\n      "command": "search-mcp",\n      "args": [\n        "--api-key",')
            ctx.secret(fb, "structured-key", "k", '        "{V}"')
            fb.raw("      ]\n    }")
        fb.raw("  },")
        fb.raw('  "inputs": [\n    {\n      "type": "promptString",\n      "id": "api-key",\n      "description": "API key",')
        ctx.decoy(fb, "non-secret-name", '      "password": true', "true")
        fb.raw("    }\n  ]\n}")
    for i in range(ctx.c.scale):
        fb = ctx.c.file(".claude/settings.local.json")
        fb.raw('{\n  "env": {')
        ctx.secret(fb, "structured-key", "anthropic", '    "ANTHROPIC_API_KEY": "{V}",')
        fb.raw('    "DISABLE_TELEMETRY": "1"\n  },\n  "permissions": { "allow": ["Bash(npm test)"] }\n}')
        fb = ctx.c.file(".codex/config.toml")
        fb.raw('model = "o4-mini"\n\n[mcp_servers.docs]\ncommand = "npx"\nargs = ["-y", "docs-mcp"]')
        ctx.secret(fb, "structured-key", r.choice(["openai_svc", "k"]), 'env = { "DOCS_API_KEY" = "{V}" }')


# ----------------------------------------------------- GCP / PEM key files

def key_files(ctx):
    r = ctx.r
    for i in range(3 * ctx.c.scale):
        fb = ctx.c.file(r.choice(["keys/gcp-sa-prod.json", "deploy/gcp/service-account.json", "secrets/firebase-adminsdk.json"]))
        proj = "acme-%s-%d" % (r.choice(["prod", "data", "ml"]), r.randint(100000, 999999))
        fb.raw('{\n  "type": "service_account",\n  "project_id": "%s",' % proj)
        kid = F.rs(r, F.HEX, 40)
        ctx.decoy(fb, "non-secret-name", '  "private_key_id": "%s",' % kid, kid)
        ctx.secret(fb, "escaped", "pemesc", '  "private_key": "{PEMESC}",', family="gcp")
        fb.raw('  "client_email": "deployer@%s.iam.gserviceaccount.com",\n  "client_id": "%s",\n  "auth_uri": "https://accounts.google.com/o/oauth2/auth",\n  "token_uri": "https://oauth2.googleapis.com/token"\n}' % (proj, F.rs(r, string.digits, 21)))
    for i in range(5 * ctx.c.scale):
        fb = ctx.c.file(r.choice(["deploy/keys/id_rsa", "certs/server.key", "ops/ssh/deploy_key", "keys/signing.asc",
                                  "config/jwt/private.pem", ".ssh/id_ed25519"]))
        ctx.secret(fb, "plain", "pem", "{PEM}")
    for i in range(8 * ctx.c.scale):
        fb = ctx.c.file(r.choice(["deploy/keys/id_rsa.pub", "ops/ssh/known_hosts", "ops/ssh/authorized_keys", "certs/ca.crt", "config/jwt/public.pem"]))
        if fb.path.endswith((".pub",)) or "authorized_keys" in fb.path or "known_hosts" in fb.path:
            for _ in range(r.randint(1, 3)):
                k = ctx.ssh_pub()
                if "known_hosts" in fb.path:
                    k = "%s %s" % (r.choice(["github.com", "gitlab.com", "10.0.3.17", "bastion.acme.io"]), " ".join(k.split()[:2]))
                ctx.decoy(fb, "public-key", k, k)
        else:
            p = ctx.pub_pem("CERTIFICATE" if fb.path.endswith(".crt") else "PUBLIC KEY")
            ctx.decoy(fb, "public-key", p, p)


# -------------------------------------------------------------------- Docs

DOC_SECRETS = [
    ("r", "```bash\nexport {NAME}={V}\n```"),
    ("k", "```bash\ncurl -H \"Authorization: Bearer {V}\" https://api.acme.dev/v1/me\n```"),
    ("a", "```json\n{\n  \"{key}\": \"{V}\"\n}\n```"),
    ("r", "Set `{NAME}` to `{V}` in the staging environment."),
    ("p", "```yaml\ndatabase:\n  password: {V}\n```"),
    ("s", "The bot token we use in staging is `{V}`."),
    ("u", "```\n{URI}\n```"),
    ("a", "| variable | value |\n|---|---|\n| `{NAME}` | `{V}` |"),
]


def doc_files(ctx):
    r = ctx.r
    topics = ["setup", "deploy", "api", "troubleshooting", "runbook", "onboarding", "integrations", "local-dev"]
    for i in range(len(topics) * ctx.c.scale):
        t = topics[i % len(topics)]
        fb = ctx.c.file("docs/%s.md" % t, difficulty="test-fixture")
        fb.raw("# %s\n\nThis page describes the %s of the platform.\n" % (t.replace("-", " ").title(), t))
        for _ in range(r.randint(3, 5)):
            fb.raw("## %s\n\nFollow the steps below; ask #platform on Slack if something is unclear.\n" % r.choice(["Configuration", "Credentials", "Example", "Calling the API", "Rotation"]))
            vt, tpl = r.choice(DOC_SECRETS)
            ctx.secret(fb, "test-fixture", vt, tpl)
            fb.raw("")
            if r.random() < 0.7:
                nm = r.choice(SECRET_NAMES)
                ph = r.choice(["<your-token>", "YOUR_API_KEY", "xxxxxxxx", "${%s}" % nm, "<REDACTED>"])
                cls = "masked" if ph == "<REDACTED>" else "placeholder"
                ctx.decoy(fb, cls, "```bash\nexport %s=%s\n```" % (nm, ph), ph)
                fb.raw("")
    fb = ctx.c.file("README.md")
    fb.raw("# acme platform\n\nMonorepo of the acme services.\n\n## Quick start\n")
    ctx.decoy(fb, "placeholder", "```bash\ncp .env.example .env\nexport GITHUB_TOKEN=<your-token>\n```", "<your-token>")
    ctx.decoy(fb, "test-vector", "For local S3 tests use the documented example key `AKIAIOSFODNN7EXAMPLE`.", "AKIAIOSFODNN7EXAMPLE", "aws")
    ctx.decoy(fb, "masked", "Logs show the key as `sk-...abcd`; that is expected.", "sk-...abcd")
    fb.raw("\n## License\n\nMIT")


FIXTURE_SECRETS = [
    ("json", "r", '  "{key}": "{V}",'), ("json", "p", '  "password": "{V}",'),
    ("json", "k", '  "headers": { "Authorization": "Bearer {V}" },'),
    ("yaml", "r", "{skey}: {V}"), ("yaml", "k", "      Authorization:\n      - Bearer {V}"),
    ("yaml", "p", "  password: \"{V}\""),
    ("env", "r", "{NAME}={V}"), ("env", "p", "{NAME}={V}"),
]


def fixture_files(ctx):
    r = ctx.r
    for i in range(10 * ctx.c.scale):
        kind = r.choice(["json", "yaml", "env"])
        path = {"json": r.choice(["tests/fixtures/config_%d.json", "fixtures/api/response_%d.json", "testdata/creds_%d.json"]),
                "yaml": r.choice(["tests/cassettes/login_%d.yaml", "spec/fixtures/settings_%d.yml", "fixtures/k8s/secret_%d.yaml"]),
                "env": r.choice(["tests/fixtures/env_%d.env", "testdata/.env.test.%d"])}[kind] % i
        fb = ctx.c.file(path, difficulty="test-fixture")
        if kind == "json":
            fb.raw("{")
        elif kind == "yaml" and "cassettes" in path:
            fb.raw("interactions:\n- request:\n    method: GET\n    uri: https://api.acme.dev/v1/me\n    headers:")
        for _ in range(r.randint(3, 5)):
            k2, vt, tpl = r.choice([x for x in FIXTURE_SECRETS if x[0] == kind])
            ctx.secret(fb, "test-fixture", vt, tpl)
            if r.random() < 0.4:
                ph = r.choice(["test-token", "fake-password-for-tests", "dummy", "xxxxxxxx"])
                tpl2 = {"json": '  "mockToken": "%s",', "yaml": "mock_token: %s", "env": "MOCK_TOKEN=%s"}[kind]
                ctx.decoy(fb, "placeholder", tpl2 % ph, ph)
        if kind == "json":
            fb.raw('  "id": %d\n}' % r.randint(1, 999))


# ----------------------------------------------------- logs and prose (shape)

SHAPE_LINES = [
    ("s", "2024-05-02T10:11:{n2}Z WARN  worker-3 retrying request with {V} after 401"),
    ("s", "2024-05-02T10:12:{n2}Z DEBUG http: sent header value Bearer {V}"),
    ("telegram", "2024-05-02T10:13:{n2}Z INFO  POST https://api.telegram.org/bot{V}/sendMessage 200"),
    ("telegram", "notify: {V} chat=-100{n}"),
    ("discord", "2024-05-02T10:14:{n2}Z INFO  gateway: identify {V} shard 0/1"),
    ("mailgun", "mail: using {V} for mg.acme-corp.com"),
    ("clojars", "deploy: uploading with {V}"),
    ("s", "Rotated the staging credential today; the new one is {V} (old one revoked)."),
    ("s", "pasted {V} into the CI settings, please double-check"),
    ("okta", "okta: created admin API token {V} for the SCIM sync"),
    ("okta", "Okta tenant acme.okta.com - service token {V}"),
    ("heroku_new", "heroku: logged in with {V}"),
    ("s", "  at Client.connect (client.js:42) cred={V}"),
    ("jwt", "2024-05-02T10:15:{n2}Z DEBUG decoded session {V}"),
    ("slack_webhook", "alerting -> {V}"),
]


def log_files(ctx):
    r = ctx.r
    paths = ["logs/app-2024-05-02.log", "logs/worker.log", "ops/notes/rotation-2024-03.txt",
             "ops/incidents/2024-04-11-outage.txt", "support/ticket-4821.txt", "logs/deploy.log",
             "notes/handover.txt", "logs/ci-build-1881.log"]
    for i in range(len(paths) * ctx.c.scale):
        fb = ctx.c.file(paths[i % len(paths)])
        for _ in range(r.randint(5, 8)):
            for _ in range(r.randint(1, 4)):
                fb.raw("2024-05-02T10:%02d:%02dZ INFO  %s %s in %dms" % (r.randint(0, 59), r.randint(0, 59), r.choice(["GET", "POST"]),
                                                                       r.choice(["/health", "/v1/users", "/v1/orders"]), r.randint(2, 900)))
            vt, tpl = r.choice(SHAPE_LINES)
            ctx.secret(fb, "shape-only", vt, tpl, n2="%02d" % r.randint(0, 59))
            if r.random() < 0.3:
                u = ctx.uuid()
                ctx.decoy(fb, "uuid", "2024-05-02T10:16:00Z INFO  request %s completed" % u, u)
            if r.random() < 0.2:
                h = ctx.digest("sha1")
                ctx.decoy(fb, "hash", "2024-05-02T10:16:30Z INFO  deployed commit %s" % h, h)


# ------------------------------------------------------------- SQL and HTTP

def sql_http_files(ctx):
    r = ctx.r
    for i in range(3 * ctx.c.scale):
        fb = ctx.c.file("db/migrations/%03d_%s.sql" % (i + 1, r.choice(["users", "roles", "reporting"])))
        fb.raw("-- migration\nCREATE TABLE accounts (\n  id BIGSERIAL PRIMARY KEY,")
        ctx.decoy(fb, "identifier", "  password_hash VARCHAR(255) NOT NULL,", "password_hash")
        fb.raw("  created_at TIMESTAMPTZ DEFAULT now()\n);")
        ctx.secret(fb, "structured-key", "p", "CREATE USER reporting WITH PASSWORD '{V}';")
        ctx.secret(fb, "structured-key", "p", "ALTER USER app IDENTIFIED BY \"{V}\";")
        ctx.secret(fb, "structured-key", "k", "INSERT INTO api_clients (name, client_secret) VALUES ('partner', '{V}');")
    for i in range(3 * ctx.c.scale):
        fb = ctx.c.file("api/%s.http" % r.choice(["users", "orders", "admin"]))
        ctx.secret(fb, "plain", "k", "@token = {V}")
        fb.raw("\n### list users\nGET https://api.acme.dev/v1/users\nAccept: application/json")
        ctx.secret(fb, "structured-key", "k", "Authorization: Bearer {V}")
        fb.raw("\n### admin\nGET https://api.acme.dev/v1/admin")
        ctx.secret(fb, "encoded", "p", "Authorization: Basic {B64}", enc="b64auth", family="basic-auth")
        fb.raw("\n### with variable\nGET https://api.acme.dev/v1/me")
        ctx.decoy(fb, "placeholder", "Authorization: Bearer {{token}}", "{{token}}")


# ----------------------------------------------------------- more encodings

ENCODED_CODE = [
    ("py", "p", 'headers = {"Authorization": "Basic {B64}"}', "b64auth", "basic-auth"),
    ("js", "p", "const auth = 'Basic {B64}';", "b64auth", "basic-auth"),
    ("sh", "p", "curl -H 'Authorization: Basic {B64}' https://{host}/api", "b64auth", "basic-auth"),
    ("py", "r", 'TOKEN = base64.b64decode("{B64}").decode()', "b64", None),
    ("js", "r", "const key = Buffer.from('{B64}', 'base64').toString();", "b64", None),
    ("go", "r", 'raw, _ := base64.StdEncoding.DecodeString("{B64}")', "b64", None),
    ("sh", "r", "echo {B64} | base64 -d > token.txt", "b64", None),
]


def encoded_files(ctx):
    r = ctx.r
    for i in range(2 * ctx.c.scale):
        fb = ctx.c.file(r.choice([".docker/config.json", "ci/docker-config.json"]))
        fb.raw('{\n  "auths": {')
        ctx.secret(fb, "encoded", "p", '    "registry.acme.dev": { "auth": "{B64}" },', enc="b64auth", family="dockerhub")
        ctx.secret(fb, "encoded", "docker", '    "https://index.docker.io/v1/": { "auth": "{B64}" }', enc="b64auth", family="dockerhub")
        fb.raw('  },\n  "credsStore": "desktop"\n}')
        fb = ctx.c.file(r.choice([".dockercfg", "legacy/.dockercfg"]))
        ctx.secret(fb, "encoded", "p", '{"https://index.docker.io/v1/": {"auth": "{B64}", "email": "ops@acme-corp.com"}}', enc="b64auth", family="dockerhub")
    for i in range(7 * ctx.c.scale):
        lang = r.choice(["py", "js", "sh", "go"])
        from langs import LANGS
        L = LANGS[lang]
        fb = ctx.c.file("%s/auth_%d.%s" % (r.choice(L["dirs"]), i, L["ext"]))
        fb.raw(sub(L["head"], ctx.fill()))
        for _ in range(r.randint(2, 4)):
            fb.raw(sub(r.choice(L["fill"]), ctx.fill()))
            cand = [e for e in ENCODED_CODE if e[0] == lang] or ENCODED_CODE[:1]
            _, vt, tpl, enc, fam = r.choice(cand)
            ctx.secret(fb, "encoded", vt, tpl, enc=enc, family=fam)
        ctx.secret(fb, "encoded", "pct", r.choice(['DATABASE_URL = "{URI}"', "# DSN: {URI}"]) if lang == "py" else "// dsn: {URI}" if lang in ("js", "go") else 'DATABASE_URL="{URI}"')
    for i in range(2 * ctx.c.scale):
        fb = ctx.c.file("deploy/env/%s.env" % r.choice(["prod", "staging", "qa"]))
        for _ in range(3):
            ctx.secret(fb, "encoded", "pct", "DATABASE_URL={URI}")
            ctx.secret(fb, "encoded", r.choice("rk"), "{NAME}_B64={B64}", enc="b64")


# ---------------------------------------------------- HTML / CSS / locales

def web_files(ctx):
    r = ctx.r
    for i in range(6 * ctx.c.scale):
        fb = ctx.c.file(r.choice(["public/index.html", "web/templates/base.html", "docs-site/layout.html"]))
        fb.raw('<!doctype html>\n<html lang="en">\n<head>\n  <meta charset="utf-8">\n  <title>Acme</title>')
        for lib in r.sample(["react@18.2.0/umd/react.production.min.js", "bootstrap@5.3.2/dist/js/bootstrap.bundle.min.js",
                             "jquery@3.7.1/dist/jquery.min.js", "lodash@4.17.21/lodash.min.js", "vue@3.4.15/dist/vue.global.prod.js",
                             "alpinejs@3.13.5/dist/cdn.min.js", "htmx.org@1.9.10/dist/htmx.min.js"], r.randint(3, 5)):
            sri = "sha384-" + F.b64(bytes(r.randrange(256) for _ in range(48)))
            ctx.decoy(fb, "sri", '  <script src="https://cdn.jsdelivr.net/npm/%s" integrity="%s" crossorigin="anonymous"></script>' % (lib, sri), sri)
        sri = "sha512-" + F.b64(bytes(r.randrange(256) for _ in range(64)))
        ctx.decoy(fb, "sri", '  <link rel="stylesheet" href="https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.5.1/css/all.min.css" integrity="%s" crossorigin="anonymous">' % sri, sri)
        ctx.secret(fb, "url", "gcp_api", '  <script async src="https://maps.googleapis.com/maps/api/js?key={V}&callback=initMap"></script>')
        fb.raw("</head>\n<body>")
        img = ctx.png_data_uri()
        ctx.decoy(fb, "base64-image", '  <img alt="logo" src="%s">' % img, img)
        ctx.decoy(fb, "non-secret-name", '  <input type="password" name="password" id="password" autocomplete="current-password">', 'type="password"')
        ctx.decoy(fb, "uuid", '  <div id="app" data-tenant-id="%s"></div>' % (u := ctx.uuid()), u)
        fb.raw("</body>\n</html>")
    for i in range(2 * ctx.c.scale):
        fb = ctx.c.file(r.choice(["public/sri-manifest.json", "dist/.vite/integrity.json"]))
        fb.raw("{")
        for k in range(r.randint(6, 9)):
            sri = r.choice(["sha256-", "sha384-", "sha512-"])
            sri += F.b64(bytes(r.randrange(256) for _ in range({"sha256-": 32, "sha384-": 48, "sha512-": 64}[sri])))
            ctx.decoy(fb, "sri", '  "assets/%s-%s.js": "%s",' % (r.choice(["index", "vendor", "chart", "editor"]), F.rs(r, F.HEX, 8), sri), sri)
        fb.raw('  "version": 1\n}')
    for i in range(4 * ctx.c.scale):
        fb = ctx.c.file(r.choice(["web/src/styles/app.css", "public/css/icons.css"]))
        for _ in range(r.randint(3, 5)):
            img = ctx.png_data_uri()
            fb.raw(".icon-%s {\n  width: 16px;\n  height: 16px;" % r.choice(["home", "user", "gear", "lock", "key"]))
            ctx.decoy(fb, "base64-image", '  background-image: url("%s");' % img, img)
            fb.raw("}")
        md = ctx.c.file("docs-site/branding.md")
        img = ctx.png_data_uri()
        ctx.decoy(md, "base64-image", "![badge](%s)" % img, img)
    langs = sorted(I18N)
    for i in range(2 * len(langs) * ctx.c.scale):
        lg = langs[i % len(langs)]
        tr = I18N[lg]
        form = (i + i // len(langs)) % 4
        if form == 0:
            fb = ctx.c.file("web/src/locales/%s.json" % lg)
            fb.raw("{")
            for k, v in list(I18N_PLAIN.items())[:3]:
                fb.raw('  "%s": "%s",' % (k, v))
            for k, v in tr.items():
                ctx.decoy(fb, "i18n", '  "%s": "%s",' % (k, v), v)
            fb.raw('  "lang": "%s"\n}' % lg)
        elif form == 1:
            fb = ctx.c.file("config/locales/%s.yml" % lg)
            fb.raw("%s:\n  auth:" % lg)
            for k, v in tr.items():
                ctx.decoy(fb, "i18n", '    %s: "%s"' % (k, v), v)
        elif form == 2:
            fb = ctx.c.file("src/main/resources/messages_%s.properties" % lg)
            for k, v in tr.items():
                ctx.decoy(fb, "i18n", "login.%s=%s" % (k, v), v)
        else:
            fb = ctx.c.file("android/app/src/main/res/values-%s/strings.xml" % lg)
            fb.raw('<?xml version="1.0" encoding="utf-8"?>\n<resources>')
            for k, v in tr.items():
                v2 = v.replace("'", "\\'")
                ctx.decoy(fb, "i18n", '    <string name="%s">%s</string>' % (camel_to_snake(k), v2), v2)
            fb.raw("</resources>")
    fb = ctx.c.file("locale/de/LC_MESSAGES/messages.po")
    fb.raw('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n')
    for en, de in [("Password", "Passwort"), ("API key", "API-Schl\u00fcssel"), ("Access token", "Zugriffstoken"),
                   ("Secret", "Geheimnis"), ("Enter your password", "Geben Sie Ihr Passwort ein")]:
        fb.raw('msgid "%s"' % en)
        ctx.decoy(fb, "i18n", 'msgstr "%s"\n' % de, de)
    fb = ctx.c.file("ios/Acme/fr.lproj/Localizable.strings")
    for k, v in I18N["fr"].items():
        ctx.decoy(fb, "i18n", '"%s" = "%s";' % (k, v), v)


def camel_to_snake(s):
    import re
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", s).lower()


# ---------------------------------------------------------------- lockfiles

def lockfiles(ctx):
    r = ctx.r
    pkgs = ["lodash", "react", "react-dom", "express", "axios", "chalk", "debug", "ms", "semver", "uuid",
            "commander", "yargs", "tslib", "rxjs", "zod", "dotenv", "jsonwebtoken", "bcryptjs", "pg", "redis",
            "ws", "cookie", "qs", "mime", "glob", "minimatch", "picomatch", "esbuild", "postcss", "typescript"]
    fb = ctx.c.file("package-lock.json")
    fb.raw('{\n  "name": "acme-web",\n  "version": "1.0.0",\n  "lockfileVersion": 3,\n  "requires": true,\n  "packages": {')
    for p in r.sample(pkgs, min(24 * ctx.c.scale, len(pkgs))):
        v = "%d.%d.%d" % (r.randint(0, 9), r.randint(0, 30), r.randint(0, 20))
        integ = "sha512-" + F.b64(bytes(r.randrange(256) for _ in range(64)))
        fb.raw('    "node_modules/%s": {\n      "version": "%s",\n      "resolved": "https://registry.npmjs.org/%s/-/%s-%s.tgz",' % (p, v, p, p, v))
        ctx.decoy(fb, "lockfile", '      "integrity": "%s",' % integ, integ)
        fb.raw('      "license": "MIT"\n    },')
    fb.raw('    "": { "name": "acme-web" }\n  }\n}')
    fb = ctx.c.file("web/yarn.lock")
    fb.raw("# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.\n# yarn lockfile v1\n")
    for p in r.sample(pkgs, 24):
        v = "%d.%d.%d" % (r.randint(0, 9), r.randint(0, 30), r.randint(0, 20))
        sha1 = ctx.digest("sha1")
        fb.raw('\n%s@^%s:\n  version "%s"' % (p, v, v))
        ctx.decoy(fb, "lockfile", '  resolved "https://registry.yarnpkg.com/%s/-/%s-%s.tgz#%s"' % (p, p, v, sha1), sha1)
        integ = "sha512-" + F.b64(bytes(r.randrange(256) for _ in range(64)))
        ctx.decoy(fb, "lockfile", "  integrity %s" % integ, integ)
    fb = ctx.c.file("Cargo.lock")
    fb.raw("# This file is automatically @generated by Cargo.\nversion = 3\n")
    for p in r.sample(["serde", "tokio", "anyhow", "regex", "rayon", "clap", "memchr", "aho-corasick", "bytes",
                       "hashbrown", "itoa", "libc", "log", "once_cell", "ryu", "smallvec", "syn", "quote"], 14):
        fb.raw('\n[[package]]\nname = "%s"\nversion = "1.%d.%d"\nsource = "registry+https://github.com/rust-lang/crates.io-index"' % (p, r.randint(0, 40), r.randint(0, 9)))
        ck = ctx.digest("sha256")
        ctx.decoy(fb, "lockfile", 'checksum = "%s"' % ck, ck)
    fb = ctx.c.file("go.sum")
    for p in r.sample(["github.com/spf13/cobra", "github.com/stretchr/testify", "golang.org/x/sys", "golang.org/x/net",
                       "github.com/google/uuid", "gopkg.in/yaml.v3", "github.com/pkg/errors", "go.uber.org/zap",
                       "github.com/gorilla/mux", "google.golang.org/grpc"], 10):
        v = "v1.%d.%d" % (r.randint(0, 20), r.randint(0, 9))
        h1 = "h1:" + F.b64(bytes(r.randrange(256) for _ in range(32)))
        ctx.decoy(fb, "lockfile", "%s %s %s" % (p, v, h1), h1)
        h2 = "h1:" + F.b64(bytes(r.randrange(256) for _ in range(32)))
        ctx.decoy(fb, "lockfile", "%s %s/go.mod %s" % (p, v, h2), h2)
    fb = ctx.c.file("poetry.lock")
    for p in r.sample(["requests", "urllib3", "idna", "certifi", "charset-normalizer", "pydantic", "httpx", "anyio"], 6):
        fb.raw('[[package]]\nname = "%s"\nversion = "2.%d.%d"\n\n[package.files]' % (p, r.randint(0, 30), r.randint(0, 9)))
        h = ctx.digest("sha256")
        ctx.decoy(fb, "lockfile", 'files = [\n    {file = "%s-2.0.0-py3-none-any.whl", hash = "sha256:%s"},\n]\n' % (p, h), h)
    fb = ctx.c.file("pnpm-lock.yaml")
    fb.raw("lockfileVersion: '6.0'\n\npackages:\n")
    for p in r.sample(pkgs, 8):
        integ = "sha512-" + F.b64(bytes(r.randrange(256) for _ in range(64)))
        fb.raw("  /%s@1.%d.0:" % (p, r.randint(0, 9)))
        ctx.decoy(fb, "lockfile", "    resolution: {integrity: %s}" % integ, integ)
        fb.raw("    dev: false\n")


# -------------------------------------------------------- minified / long lines

MIN_SNIPPETS = [
    ("r", 'var e={apiKey:"{V}",authDomain:"acme-prod.firebaseapp.com",projectId:"acme-prod"};'),
    ("k", 'headers:{Authorization:"Bearer {V}","Content-Type":"application/json"},'),
    ("a", 'n.exports={{key}:"{V}"};'),
    ("r", 'const t="{V}";'),
    ("s", 'o.init("{V}",{debug:!1});'),
    ("uhttp", 'fetch("{URI}").then(function(e){return e.json()});'),
    ("p", 'auth:{user:"{user}",pass:"{V}"},'),
    ("r", '{NAME}:"{V}",'),
]
MIN_DECOYS = [
    ("placeholder", 'apiKey:"{val}",', lambda ctx: ctx.r.choice(["YOUR_API_KEY", "<your-token>", "xxxxxxxxxxxxxxxx", "process.env.API_KEY"])),
    ("uuid", 'requestId:"{val}",', lambda ctx: ctx.uuid()),
    ("hash", 'buildHash:"{val}",', lambda ctx: ctx.digest("sha1")),
    ("non-secret-name", 'tokenType:"{val}",', lambda ctx: "bearer"),
    ("identifier", 'passwordResetUrl:"{val}",', lambda ctx: "https://example.com/account/reset"),
    ("masked", 'password:"{val}",', lambda ctx: "********"),
    ("base64-image", 'logo:"{val}",', lambda ctx: ctx.png_data_uri(200)),
]


def min_filler(r, n):
    ids = "abcdefghijklmnopqrstuvwxyz"
    parts = []
    size = 0
    while size < n:
        a, b, c = r.choice(ids), r.choice(ids), r.choice(ids)
        p = r.choice([
            "function %s(%s,%s){return %s&&%s.length>%d?%s.slice(0,%d):%s}" % (a, b, c, b, b, r.randint(1, 99), b, r.randint(1, 99), c),
            "var %s=%s(%d),%s=%s(%d);" % (a, b, r.randint(1, 999), c, b, r.randint(1, 999)),
            "%s.prototype.%s=function(){this.%s=[];return this};" % (a.upper() + b, r.choice(["init", "reset", "render", "update"]), c),
            '%s.push({id:%d,name:"%s",visible:!0});' % (a, r.randint(1, 9999), r.choice(["home", "settings", "profile", "orders", "billing"])),
            "for(var %s=0;%s<%s.length;%s++)%s[%s]=%s[%s]|0;" % (a, a, b, a, c, a, b, a),
            'if(!%s)throw new Error("invalid %s");' % (a, r.choice(["state", "argument", "response", "input"])),
        ])
        parts.append(p)
        size += len(p)
    return parts


def minified_files(ctx):
    r = ctx.r
    for i in range(18 * ctx.c.scale):
        size = r.choice([10, 16, 24, 40, 64, 100, 150, 190]) * 1000
        name = r.choice(["public/assets/js/app.%s.min.js", "dist/vendor.%s.js", "static/js/main.%s.chunk.js",
                         "build/bundle.%s.min.js"]) % F.rs(r, F.HEX, 8)
        fb = ctx.c.file(name, difficulty="minified")
        parts = min_filler(r, size)
        items = []
        for _ in range(r.randint(2, 4)):
            vt, tpl = r.choice(MIN_SNIPPETS)
            text, its = ctx.render("minified", vt, tpl)
            if text.endswith(","):
                text = "var %s={%s};" % (r.choice("abcdefgh"), text[:-1])
            parts.insert(r.randrange(len(parts) + 1), text)
            items += its
        fb.put("!function(){" + "".join(parts) + "}();", *items)
        fb.raw("//# sourceMappingURL=%s.map" % name.rsplit("/", 1)[1])
    for i in range(3 * ctx.c.scale):
        fb = ctx.c.file("dist/config.%s.min.json" % F.rs(r, F.HEX, 6), difficulty="minified")
        obj_parts = ['"routes":[%s]' % ",".join('"/%s/%d"' % (r.choice(["a", "b", "c"]), k) for k in range(r.randint(2000, 4000)))]
        items = []
        for _ in range(r.randint(2, 3)):
            text, its = ctx.render("minified", r.choice("akrp"), '"{key}":"{V}"')
            obj_parts.insert(r.randrange(len(obj_parts) + 1), text)
            items += its
        fb.put("{" + ",".join(obj_parts) + "}", *items)
    for i in range(4 * ctx.c.scale):
        fb = ctx.c.file("dist/chunks/%s.%s.min.js" % (r.choice(["settings", "auth", "vendor"]), F.rs(r, F.HEX, 8)),
                        difficulty="minified")
        parts = min_filler(r, r.choice([12, 30, 60]) * 1000)
        decoys = []
        for _ in range(r.randint(4, 7)):
            cls, tpl, fn = r.choice(MIN_DECOYS)
            val = fn(ctx)
            parts.insert(r.randrange(len(parts) + 1), "var %s={%s};" % (r.choice("xyzq"), tpl.replace("{val}", val)))
            decoys.append(D(val, cls))
        # every decoy sits on line 1: the scorer then needs the finding to overlap the value
        fb.put("!function(){" + "".join(parts) + "}();", *decoys)


LONG_SNIPPETS = [
    ("csv", "a", ',"{key}={V}",'), ("csv", "r", ",{V},"),
    ("json", "k", '"authorization":"Bearer {V}",'), ("json", "a", '"{key}":"{V}",'),
    ("js", "r", 'const {NAME} = "{V}"; '), ("js", "a", '{key}: "{V}", '),
    ("svg", "s", '<!-- {V} -->'), ("py", "a", '; {skey} = "{V}"; '),
]


def long_filler(r, kind, n):
    out = []
    size = 0
    while size < n:
        if kind == "csv":
            p = "%d,%s,%d.%02d,%s" % (r.randint(1, 99999), r.choice(["alpha", "beta", "gamma", "delta"]), r.randint(0, 999), r.randint(0, 99),
                                      r.choice(["ok", "pending", "failed"]))
        elif kind == "json":
            p = '{"id":%d,"name":"%s","qty":%d},' % (r.randint(1, 99999), r.choice(["widget", "gadget", "sprocket", "bolt"]), r.randint(1, 50))
        elif kind == "svg":
            p = "L%d.%d %d.%d " % (r.randint(0, 999), r.randint(0, 9), r.randint(0, 999), r.randint(0, 9))
        else:
            p = "%d, " % r.randint(0, 65535)
        out.append(p)
        size += len(p)
    return out


def long_line_files(ctx):
    r = ctx.r
    ext = {"csv": "csv", "json": "jsonl", "js": "js", "svg": "svg", "py": "py"}
    for i in range(22 * ctx.c.scale):
        kind = r.choice(["csv", "json", "js", "svg", "py"])
        fb = ctx.c.file("%s/%s_%d.%s" % (r.choice(["data", "assets", "src/generated", "exports"]),
                                         r.choice(["export", "table", "icons", "lookup", "events"]), i, ext[kind]),
                        difficulty="long-line")
        fb.raw({"csv": "id,name,value,status", "json": "", "js": "// generated lookup table", "svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 1000">', "py": "# generated"}[kind])
        for _ in range(r.randint(1, 3)):
            parts = long_filler(r, kind, r.randint(5200, 20000))
            cand = [x for x in LONG_SNIPPETS if x[0] == kind] or LONG_SNIPPETS
            _, vt, tpl = r.choice(cand)
            text, its = ctx.render("long-line", vt, tpl)
            pos = r.randrange(len(parts) // 3, len(parts) + 1)
            parts.insert(pos, text)
            if kind == "svg":
                line = '<path d="M0 0 ' + "".join(parts) + 'Z"/>'
            elif kind == "js":
                line = "const TABLE = [" + "".join(parts) + "0];"
            elif kind == "py":
                line = "TABLE = [" + "".join(parts) + "0]"
            else:
                line = "".join(parts)
            fb.put(line, *its)
        if kind == "svg":
            fb.raw("</svg>")


# ------------------------------------------------------- decoy-only files

def decoy_files(ctx):
    r = ctx.r
    for i in range(ctx.c.scale):
        fb = ctx.c.file("CHANGELOG.md" if i == 0 else "docs-site/CHANGELOG-%d.md" % i)
        fb.raw("# Changelog\n")
        for v in range(14):
            h = ctx.digest("sha1")
            fb.raw("## 1.%d.0\n" % (20 - v))
            ctx.decoy(fb, "hash", "- %s: %s (%s)\n" % (r.choice(["fix", "feat", "chore"]), r.choice(["token refresh race", "password reset email",
                      "secret rotation job", "api key pagination", "login form"]), h[:r.choice([7, 12, 40])]), h[:7])
        fb = ctx.c.file("config/secrets.example.yaml")
        fb.raw("# copy to secrets.yaml; never commit real values")
        for nm in r.sample(SECRET_NAMES, 10):
            ph = r.choice(PLACEHOLDERS)
            ctx.decoy(fb, "placeholder", '%s: "%s"' % (nm.lower(), ph), ph)
        fb = ctx.c.file("logs/audit.log")
        for _ in range(14):
            m = ctx.masked({"user": r.choice(USERS), "host": r.choice(HOSTS), "db": "app"})
            ctx.decoy(fb, "masked", "2024-05-03T08:%02d:%02dZ AUDIT user=%s action=%s credential=%s" % (
                r.randint(0, 59), r.randint(0, 59), r.choice(USERS), r.choice(["login", "rotate", "create-token"]), m), m)
        fb = ctx.c.file("src/generated/registry.json")
        fb.raw("{")
        for _ in range(12):
            u = ctx.uuid()
            nm = r.choice(["installationId", "tenantId", "objectId", "clientId", "subscriptionId", "workspaceId"])
            ctx.decoy(fb, "uuid", '  "%s_%d": "%s",' % (nm, r.randint(1, 99), u), u)
        fb.raw('  "generated": true\n}')


# ------------------------------------------------------ Windows scripts (CRLF)

PS1 = [("r", '$env:{NAME} = "{V}"'), ("p", '$secure = ConvertTo-SecureString "{V}" -AsPlainText -Force'),
       ("k", '$headers = @{ Authorization = "Bearer {V}" }'),
       ("p", "$cred = New-Object PSCredential('{user}', (ConvertTo-SecureString '{V}' -AsPlainText -Force))"),
       ("k", "Invoke-RestMethod -Uri https://{host}/api -Headers @{ 'X-Api-Key' = '{V}' }"),
       ("r", "[Environment]::SetEnvironmentVariable('{NAME}', '{V}', 'Machine')"),
       ("a", "# {NAME}={V}")]
BAT = [("r", "set {NAME}={V}"), ("p", 'set "DB_PASS={V}"'), ("p", "net use Z: \\\\fileserver\\share /user:ACME\\{user} {V}"),
       ("k", 'curl -H "Authorization: Bearer {V}" https://{host}/v1/sync'), ("a", "REM {NAME}={V}"),
       ("r", "setx {NAME} {V}")]


def windows_files(ctx):
    r = ctx.r
    for i in range(4 * ctx.c.scale):
        fb = ctx.c.file("win/scripts/%s.ps1" % r.choice(["Deploy", "Install-Agent", "Sync-Reports", "Backup"]), crlf=True, difficulty="crlf")
        fb.raw("#Requires -Version 5.1\nparam([string]$Environment = 'prod')\n$ErrorActionPreference = 'Stop'")
        for vt, tpl in r.sample(PS1, 4):
            ctx.secret(fb, "crlf", vt, tpl)
            fb.raw('Write-Host "step done"')
        ph = r.choice(["$env:API_KEY", "(Get-Secret -Name DbPassword -AsPlainText)"])
        ctx.decoy(fb, "placeholder", "$apiKey = %s" % ph, ph)
    for i in range(3 * ctx.c.scale):
        fb = ctx.c.file("win/scripts/%s.bat" % r.choice(["setup", "run-sync", "map-drives"]), crlf=True, difficulty="crlf")
        fb.raw("@echo off\nsetlocal")
        for vt, tpl in r.sample(BAT, 3):
            ctx.secret(fb, "crlf", vt, tpl)
        ctx.decoy(fb, "placeholder", "set API_KEY=%API_KEY%", "%API_KEY%")
        fb.raw("endlocal")


# ======================================================================= build

def build_configs(ctx):
    env_files(ctx)
    compose_files(ctx)
    dockerfiles(ctx)
    k8s_files(ctx)
    helm_files(ctx)
    terraform_files(ctx)
    json_files(ctx)
    yaml_files(ctx)
    toml_files(ctx)
    ini_files(ctx)
    xml_files(ctx)
    mcp_files(ctx)
    key_files(ctx)
    doc_files(ctx)
    fixture_files(ctx)
    log_files(ctx)
    sql_http_files(ctx)
    encoded_files(ctx)
    web_files(ctx)
    lockfiles(ctx)
    minified_files(ctx)
    long_line_files(ctx)
    windows_files(ctx)
    decoy_files(ctx)
