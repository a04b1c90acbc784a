"""Source-code languages as data: filler, secret snippets per difficulty class and
the assignment shapes decoys use.

Placeholders (replaced only when the name is known, other braces stay):
  {V} value  {NAME} UPPER_SNAKE name  {name} lower snake  {camel}  {Pascal}
  {key} camelCase secret-ish key  {Key} PascalCase key  {skey} snake_case key
  {W} provider in words  {URI} credentialed URL  {AK}/{SK} AWS pair
  {PEMESC} PEM with \\n escapes  {PEM} PEM text  {CS} JDBC/ODBC/ADO string
  {user} {host} {db} {n} {fn} {svc} {svcl} {image} {url} filler bits
Value types: a any, p password, k generic key, s distinctive shape, r provider,
  aws pair, u URL, cs connection string, pemesc/pem private keys.
Decoy shapes: {ID} UPPER_SNAKE, {id} camel, {sid} snake, {val} quoted content,
  {D} raw expression.
"""

LANGS = {}

# --------------------------------------------------------------------- Python
LANGS["py"] = dict(
    ext="py", c="#",
    dirs=["app", "app/services", "app/api", "scripts", "worker", "etl/jobs", "tools"],
    head='"""{svc} {fn} module."""\nimport json\nimport logging\nimport os\n\nlog = logging.getLogger(__name__)\n',
    fill=[
        "\n\ndef {fn}(items, limit={n}):\n    out = []\n    for i, item in enumerate(items):\n        if i >= limit:\n            break\n        out.append(str(item).strip())\n    return out\n",
        "\n\nclass {svc}Handler:\n    def __init__(self, session, retries={n}):\n        self.session = session\n        self.retries = retries\n\n    def {fn}(self, payload):\n        log.info(\"handling %s\", payload.get(\"id\"))\n        return self.session.post(\"/v1/{svcl}\", json=payload)\n",
        "\n\ndef {fn}(path):\n    with open(path, encoding=\"utf-8\") as f:\n        data = json.load(f)\n    return {k: v for k, v in data.items() if v is not None}\n",
        "\nTIMEOUT_SECONDS = {n}\nDEFAULT_REGION = \"eu-west-1\"\nRETRY_CODES = (429, 500, 502, 503)\n",
    ],
    plain=[
        ("a", '{NAME} = "{V}"'), ("a", "{NAME} = '{V}'"), ("a", '{name} = "{V}"'),
        ("aws", 'AWS_ACCESS_KEY_ID = "{AK}"\nAWS_SECRET_ACCESS_KEY = "{SK}"'),
        ("a", 'os.environ["{NAME}"] = "{V}"'), ("a", 'os.environ.setdefault("{NAME}", "{V}")'),
    ],
    struct=[
        ("p", 'conn = psycopg2.connect(host="{host}", user="{user}", password="{V}", dbname="{db}")'),
        ("p", 'engine = create_engine(url, connect_args={"passwd": "{V}"})'),
        ("k", 'client = {svc}Client(api_key="{V}", timeout=30)'),
        ("a", 'CONFIG = {\n    "{key}": "{V}",\n    "timeout": 30,\n}'),
        ("k", 'headers = {"Authorization": "Bearer {V}"}'),
        ("k", 'headers = {"X-Api-Key": "{V}", "Accept": "application/json"}'),
        ("p", 'session.auth = ("{user}", "{V}")'),
        ("p", 'smtp.login("{user}@example.com", "{V}")'),
        ("a", 'settings = Settings({skey}="{V}", debug=False)'),
        ("a", 'class Settings(BaseSettings):\n    {skey}: str = "{V}"\n    region: str = "eu-west-1"'),
        ("aws", 's3 = boto3.client("s3", aws_access_key_id="{AK}", aws_secret_access_key="{SK}")'),
        ("p", 'ldap_conn.simple_bind_s("cn=admin,dc=example,dc=com", "{V}")'),
        ("cs", 'conn = pyodbc.connect("{CS}")'),
    ],
    away=[
        ("a", '{NAME} = (\n    "{V}"\n)'),
        ("a", 'API_KEYS = [\n    "{V}",\n]'),
        ("a", "# {W} (production)\nDEFAULT_{n} = \"{V}\""),
        ("a", 'creds = {\n    "{key}":\n        "{V}",\n}'),
        ("a", '{skey} = os.environ.get(\n    "{NAME}",\n    "{V}",\n)'),
        ("a", '{NAME} = """\n{V}\n""".strip()'),
        ("pem", 'DEPLOY_KEY = """\n{PEM}\n"""'),
    ],
    shape=[
        ("s", 'client = Client("{V}")'), ("s", 'log.debug("auth ok with %s", "{V}")'),
        ("s", 'bot = Bot("{V}")'), ("s", 'DEFAULTS = ("{V}", 30, True)'),
        ("s", 'return call_api("{V}", payload)'),
    ],
    comment=[
        ("a", "# {NAME}={V}"), ("a", "# old {W}: {V}"), ("a", "# TODO rotate {V}"),
        ("a", 'def {fn}():\n    """Call the API.\n\n    Example: client.auth("{V}")\n    """\n    return None'),
        ("a", '    # {key} = "{V}"  (disabled)'),
    ],
    url=[
        ("u", '{NAME} = "{URI}"'), ("udb", 'engine = create_engine("{URI}")'),
        ("uhttp", 'r = requests.get("{URI}")'), ("u", 'settings["{name}"] = "{URI}"'),
    ],
    escaped=[
        ("p", 'BODY = "{\\"username\\": \\"{user}\\", \\"password\\": \\"{V}\\"}"'),
        ("a", 'payload = json.loads("{\\"{key}\\": \\"{V}\\"}")'),
        ("pemesc", 'SA_KEY = "{PEMESC}"'),
        ("a", "ENV_JSON = '{\\'{NAME}\\': \\'{V}\\'}'"),
    ],
    dassign=['{ID} = "{val}"', "{sid} = '{val}'", 'DEFAULTS = {"{sid}": "{val}"}'],
    draw=["{sid} = {D}", "{ID} = {D}"],
    envref=['os.environ["{ENV}"]', 'os.getenv("{ENV}")', 'os.environ.get("{ENV}")', 'config("{ENV}")'],
    fndef=["def {fsnake}(self):\n    return self._store.read(\"{fsnake}\")", "def {fsnake}(name):\n    return vault.lookup(name)"],
    getter=["{sid} = self.{fsnake}()", "{sid} = getpass.getpass()", '{sid} = request.form["{sid}"]', '{sid} = input("{Label}: ")'],
)

# ----------------------------------------------------------------- JavaScript
LANGS["js"] = dict(
    ext="js", c="//",
    dirs=["src", "src/api", "src/lib", "server", "web/src", "functions"],
    head="'use strict';\n\nconst path = require('path');\nconst { {fn} } = require('./util');\n",
    fill=[
        "\nfunction {fn}(items, limit = {n}) {\n  return items\n    .filter(Boolean)\n    .slice(0, limit)\n    .map((x) => String(x).trim());\n}\n",
        "\nasync function {fn}(req, res) {\n  const id = req.params.id;\n  const row = await db.find('{svcl}', id);\n  if (!row) return res.status(404).end();\n  res.json(row);\n}\n",
        "\nclass {svc}Store {\n  constructor(opts = {}) {\n    this.opts = { retries: {n}, ...opts };\n    this.cache = new Map();\n  }\n\n  get(key) {\n    return this.cache.get(key);\n  }\n}\n",
        "\nconst TIMEOUT_MS = {n}000;\nconst ROUTES = ['/health', '/v1/{svcl}', '/v1/users'];\n",
    ],
    plain=[
        ("a", 'const {NAME} = "{V}";'), ("a", "export const {NAME} = '{V}';"),
        ("a", 'process.env.{NAME} = "{V}";'),
        ("aws", 'const AWS_ACCESS_KEY_ID = "{AK}";\nconst AWS_SECRET_ACCESS_KEY = "{SK}";'),
        ("a", "var {NAME} = '{V}';"),
    ],
    struct=[
        ("a", 'const config = {\n  {key}: "{V}",\n  retries: 3,\n};'),
        ("a", "const settings = {\n  {key}: `{V}`,\n};"),
        ("k", 'const client = new {svc}Client({ apiKey: "{V}" });'),
        ("p", 'const pool = new Pool({ user: "{user}", host: "{host}", password: "{V}", port: 5432 });'),
        ("k", "fetch(url, { headers: { Authorization: `Bearer {V}` } });"),
        ("k", "axios.defaults.headers.common['X-API-KEY'] = '{V}';"),
        ("p", 'const transporter = nodemailer.createTransport({ host: "{host}", auth: { user: "{user}", pass: "{V}" } });'),
        ("a", "const {key} = `{V}`;"),
        ("aws", 'AWS.config.update({ accessKeyId: "{AK}", secretAccessKey: "{SK}" });'),
        ("a", "module.exports = { {key}: '{V}' };"),
        ("cs", 'const conn = await sql.connect("{CS}");'),
    ],
    away=[
        ("a", 'const TOKENS = [\n  "{V}",\n];'),
        ("a", "// {W} used by the nightly job\nconst DEFAULT_{n} = \"{V}\";"),
        ("a", 'module.exports = {\n  {key}:\n    "{V}",\n};'),
        ("a", 'const {key} =\n  "{V}";'),
        ("a", "const {key} = [\n  '{V}',\n].join('');"),
    ],
    shape=[
        ("s", 'const client = new Client("{V}");'), ("s", 'console.log("connecting", "{V}");'),
        ("s", 'await login("{V}");'), ("s", "return ['{V}', opts];"),
    ],
    comment=[
        ("a", "// {NAME}={V}"), ("a", "/* old {W}: {V} */"),
        ("a", '/**\n * Example:\n *   client.auth("{V}")\n */'), ("a", '// const {key} = "{V}";'),
    ],
    url=[
        ("u", 'const {NAME} = "{URI}";'), ("udb", 'const conn = await connect("{URI}");'),
        ("uhttp", 'await fetch("{URI}");'), ("udb", 'const db = createPool({ connectionString: "{URI}" });'),
        ("u", "const endpoint = `{URI}`;"),
    ],
    escaped=[
        ("p", 'const body = "{\\"password\\":\\"{V}\\"}";'),
        ("a", "const raw = '{\\'{key}\\': \\'{V}\\'}';"),
        ("pemesc", 'const privateKey = "{PEMESC}";'),
        ("a", 'const cfg = JSON.parse("{\\"{key}\\":\\"{V}\\"}");'),
    ],
    dassign=['const {ID} = "{val}";', "const {id} = '{val}';", 'const opts = { {id}: "{val}" };'],
    draw=["const {id} = {D};", "const {ID} = {D};"],
    envref=["process.env.{ENV}", 'process.env["{ENV}"]', "import.meta.env.VITE_{ENV}"],
    fndef=["function {fcamel}() {\n  return store.get('{fcamel}');\n}", "async {fcamel}(user) {\n  return this.vault.read(user.id);\n}"],
    getter=["const {id} = await {fcamel}();", "const {id} = req.body.{id};", "const {id} = form.elements.{id}.value;"],
)

LANGS["ts"] = dict(LANGS["js"])
LANGS["ts"].update(
    ext="ts", dirs=["src", "src/services", "src/config", "apps/web/src", "packages/core/src"],
    head="import { Injectable } from '@nestjs/common';\nimport type { Config } from './types';\n",
    plain=[
        ("a", 'export const {NAME}: string = "{V}";'), ("a", "const {NAME} = '{V}' as const;"),
        ("aws", 'export const AWS_ACCESS_KEY_ID = "{AK}";\nexport const AWS_SECRET_ACCESS_KEY = "{SK}";'),
    ],
    struct=LANGS["js"]["struct"] + [
        ("a", "const env: Config = {\n  {key}: '{V}',\n};"),
        ("k", "@Injectable()\nexport class {svc}Service {\n  private readonly apiKey = '{V}';\n}"),
        ("p", "export const dbConfig: DataSourceOptions = { type: 'postgres', username: '{user}', password: '{V}' };"),
    ],
)

# ------------------------------------------------------------------------- Go
LANGS["go"] = dict(
    ext="go", c="//",
    dirs=["cmd/server", "internal/auth", "internal/store", "pkg/client", "internal/billing"],
    head='package {svcl}\n\nimport (\n\t"context"\n\t"fmt"\n\t"net/http"\n\t"os"\n\t"time"\n)\n',
    fill=[
        "\nfunc {fn}(ctx context.Context, ids []string) ([]string, error) {\n\tout := make([]string, 0, len(ids))\n\tfor _, id := range ids {\n\t\tif id == \"\" {\n\t\t\tcontinue\n\t\t}\n\t\tout = append(out, id)\n\t}\n\treturn out, nil\n}\n",
        "\ntype {svc}Handler struct {\n\tclient  *http.Client\n\ttimeout time.Duration\n}\n\nfunc (h *{svc}Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {\n\tfmt.Fprintf(w, \"ok %d\", {n})\n}\n",
        "\nconst maxRetries = {n}\n\nvar errNotFound = fmt.Errorf(\"not found\")\n",
    ],
    plain=[
        ("a", 'var {NAME} = "{V}"'), ("a", 'const {NAME} = "{V}"'), ("a", 'os.Setenv("{NAME}", "{V}")'),
        ("aws", 'const (\n\tAWS_ACCESS_KEY_ID     = "{AK}"\n\tAWS_SECRET_ACCESS_KEY = "{SK}"\n)'),
    ],
    struct=[
        ("p", 'cfg := Config{\n\tHost:     "{host}",\n\tPassword: "{V}",\n}'),
        ("a", 'opts := &Options{\n\t{Key}: "{V}",\n\tTimeout: 30 * time.Second,\n}'),
        ("k", 'req.Header.Set("Authorization", "Bearer {V}")'),
        ("k", 'req.Header.Set("X-Api-Key", "{V}")'),
        ("a", 'const {key} = "{V}"'),
        ("a", 'm := map[string]string{"{key}": "{V}"}'),
        ("p", 'mailer := Mailer{\n\tSmtpHost:     "{host}",\n\tSmtpPassword: "{V}",\n}'),
        ("aws", 'creds := credentials.NewStaticCredentials("{AK}", "{SK}", "")'),
        ("p", 'auth := smtp.PlainAuth("", "{user}@example.com", "{V}", "{host}")'),
    ],
    away=[
        ("a", 'var tokens = []string{\n\t"{V}",\n}'),
        ("a", "// {W} for staging\nvar default{n} = \"{V}\""),
        ("a", 'cfg := map[string]string{\n\t"{key}":\n\t\t"{V}",\n}'),
        ("a", "var {key} = `\n{V}\n`"),
    ],
    shape=[
        ("s", 'client := api.New("{V}")'), ("s", 'log.Printf("using %s", "{V}")'),
        ("s", 'return "{V}", nil'),
    ],
    comment=[
        ("a", "// {NAME}={V}"), ("a", "// old {W}: {V}"), ("a", "/*\n\tkey: {V}\n*/"),
        ("a", '// {key} := "{V}"'),
    ],
    url=[
        ("u", 'dsn := "{URI}"'), ("udb", 'db, err := sql.Open(driver, "{URI}")'),
        ("uhttp", 'resp, err := http.Get("{URI}")'),
        ("gomysql", 'db, err := sql.Open("mysql", "{DSN}")'),
    ],
    escaped=[
        ("p", 'body := "{\\"password\\":\\"{V}\\"}"'),
        ("pemesc", 'const signingKey = "{PEMESC}"'),
        ("a", 'payload := []byte("{\\"{key}\\": \\"{V}\\"}")'),
    ],
    dassign=['const {ID} = "{val}"', '{id} := "{val}"', 'cfg := Config{{Id}: "{val}"}'],
    draw=["{id} := {D}", "var {id} = {D}"],
    envref=['os.Getenv("{ENV}")', 'viper.GetString("{env}")'],
    fndef=["func (s *Store) {FPascal}() (string, error) {\n\treturn s.read(\"{fsnake}\")\n}"],
    getter=["{id}, err := s.{FPascal}()", '{id} := r.FormValue("{id}")'],
)

# ----------------------------------------------------------------------- Java
LANGS["java"] = dict(
    ext="java", c="//",
    dirs=["src/main/java/com/acme/app", "src/main/java/com/acme/billing", "service/src/main/java/org/example"],
    head="package com.acme.{svcl};\n\nimport java.util.List;\nimport java.util.Map;\nimport java.net.HttpURLConnection;\n",
    fill=[
        "\n    public List<String> {fn}(List<String> items) {\n        return items.stream()\n            .filter(s -> !s.isEmpty())\n            .limit({n})\n            .toList();\n    }\n",
        "\n    private static final int MAX_RETRIES = {n};\n    private final Map<String, Integer> counts = new java.util.HashMap<>();\n",
        "\n    @Override\n    public String toString() {\n        return \"{svc}[\" + counts.size() + \"]\";\n    }\n",
    ],
    wrap=("\npublic class {svc}{n} {\n", "}\n"),
    plain=[
        ("a", '    private static final String {NAME} = "{V}";'),
        ("a", '    public static final String {NAME} = "{V}";'),
        ("aws", '    static final String AWS_ACCESS_KEY_ID = "{AK}";\n    static final String AWS_SECRET_ACCESS_KEY = "{SK}";'),
    ],
    struct=[
        ("p", '        DataSource ds = DataSourceBuilder.create().username("{user}").password("{V}").build();'),
        ("a", '    private String {key} = "{V}";'),
        ("k", '        conn.setRequestProperty("Authorization", "Bearer {V}");'),
        ("p", '        props.put("mail.smtp.password", "{V}");'),
        ("a", '        props.setProperty("{dotted}", "{V}");'),
        ("k", '        request.addHeader("X-API-Key", "{V}");'),
        ("a", '    @Value("${{dotted}:{V}}")\n    private String {key};'),
        ("p", '        return new PasswordAuthentication("{user}", "{V}".toCharArray());'),
        ("p", '        Connection c = DriverManager.getConnection("jdbc:postgresql://{host}:5432/{db}", "{user}", "{V}");'),
        ("cs", '        Connection c = DriverManager.getConnection("{CS}");'),
        ("aws", '        AWSCredentials creds = new BasicAWSCredentials("{AK}", "{SK}");'),
    ],
    away=[
        ("a", '    private static final String[] KEYS = {\n        "{V}",\n    };'),
        ("a", "    // {W} for the batch job\n    private static final String DEFAULT_{n} = \"{V}\";"),
        ("a", '        String {key} =\n            "{V}";'),
        ("a", '        Map<String, String> m = Map.of(\n            "{key}",\n            "{V}");'),
    ],
    shape=[
        ("s", '        Client client = new Client("{V}");'),
        ("s", '        logger.info("connecting with {}", "{V}");'),
        ("s", '        return new Credentials("{V}");'),
    ],
    comment=[
        ("a", "    // {NAME}={V}"), ("a", "    /* old {W}: {V} */"),
        ("a", '    /**\n     * Example:\n     * <pre>client.auth("{V}")</pre>\n     */'),
    ],
    url=[
        ("u", '        String url = "{URI}";'), ("udb", '        DataSource ds = DataSources.fromUrl("{URI}");'),
    ],
    escaped=[
        ("p", '        String body = "{\\"password\\":\\"{V}\\"}";'),
        ("pemesc", '    private static final String PEM = "{PEMESC}";'),
    ],
    dassign=['    private static final String {ID} = "{val}";', '        String {id} = "{val}";'],
    draw=["        String {id} = {D};"],
    envref=['System.getenv("{ENV}")', 'env.getProperty("{env}")'],
    fndef=["    public String {fcamel}() {\n        return this.{fcamel}Value;\n    }"],
    getter=["        String {id} = user.{fcamel}();", '        String {id} = request.getParameter("{id}");'],
)

# --------------------------------------------------------------------- Kotlin
LANGS["kt"] = dict(
    ext="kt", c="//",
    dirs=["app/src/main/java/com/acme/mobile", "server/src/main/kotlin/com/acme"],
    head="package com.acme.{svcl}\n\nimport kotlinx.coroutines.delay\n",
    fill=[
        "\nfun {fn}(items: List<String>, limit: Int = {n}): List<String> =\n    items.filter { it.isNotBlank() }.take(limit)\n",
        "\nclass {svc}Repository(private val api: Api) {\n    suspend fun load(id: String): Item? {\n        delay({n}L)\n        return api.get(id)\n    }\n}\n",
    ],
    plain=[
        ("a", 'const val {NAME} = "{V}"'), ("a", 'val {NAME} = "{V}"'),
        ("aws", 'const val AWS_ACCESS_KEY_ID = "{AK}"\nconst val AWS_SECRET_ACCESS_KEY = "{SK}"'),
    ],
    struct=[
        ("a", 'val config = Config(\n    {key} = "{V}",\n)'),
        ("p", 'data class Db(val user: String = "{user}", val password: String = "{V}")'),
        ("k", '    .header("Authorization", "Bearer {V}")'),
        ("a", 'private val {key} = "{V}"'),
        ("a", 'val params = mapOf("{key}" to "{V}")'),
    ],
    away=[
        ("a", 'val keys = listOf(\n    "{V}",\n)'),
        ("a", "// {W}\nprivate const val DEFAULT_{n} = \"{V}\""),
        ("a", 'val {key} =\n    "{V}"'),
        ("a", 'val {key} = """\n    {V}\n""".trimIndent()'),
    ],
    shape=[("s", 'val client = Client("{V}")'), ("s", 'Log.d(TAG, "{V}")')],
    comment=[("a", "// {NAME}={V}"), ("a", "/* old {W}: {V} */"), ("a", '/** Example: `client.auth("{V}")` */')],
    url=[("u", 'val url = "{URI}"'), ("udb", 'Database.connect("{URI}")')],
    escaped=[
        ("k", 'buildConfigField("String", "API_KEY", "\\"{V}\\"")'),
        ("p", 'val body = "{\\"password\\":\\"{V}\\"}"'),
        ("pemesc", 'val pem = "{PEMESC}"'),
    ],
    dassign=['const val {ID} = "{val}"', 'val {id} = "{val}"'],
    draw=["val {id} = {D}"],
    envref=['System.getenv("{ENV}")', 'BuildConfig.{ENV}'],
    fndef=["fun {fcamel}(): String = prefs.getString(\"{fsnake}\", \"\")!!"],
    getter=["val {id} = binding.{id}Input.text.toString()", "val {id} = account.{fcamel}()"],
)

# ------------------------------------------------------------------------- C#
LANGS["cs"] = dict(
    ext="cs", c="//",
    dirs=["src/Acme.Api", "src/Acme.Core/Services", "src/Acme.Worker"],
    head="using System;\nusing System.Net.Http;\nusing System.Threading.Tasks;\n\nnamespace Acme.{svc}\n{\n",
    tail="}\n",
    fill=[
        "\n    public static class {svc}Extensions\n    {\n        public static int {fn}(this string s) => s.Length + {n};\n    }\n",
        "\n    internal sealed class {svc}Options\n    {\n        public int Retries { get; set; } = {n};\n        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);\n    }\n",
    ],
    plain=[
        ("a", '    private const string {NAME} = "{V}";'),
        ("a", '    public static readonly string {NAME} = "{V}";'),
        ("a", '        Environment.SetEnvironmentVariable("{NAME}", "{V}");'),
    ],
    struct=[
        ("a", '        var options = new ClientOptions\n        {\n            {Key} = "{V}",\n            Timeout = TimeSpan.FromSeconds(30),\n        };'),
        ("p", '        var cred = new NetworkCredential("{user}", "{V}");'),
        ("k", '        client.DefaultRequestHeaders.Add("X-Api-Key", "{V}");'),
        ("k", '        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "{V}");'),
        ("a", '        public string {Key} { get; set; } = "{V}";'),
        ("p", '        var smtp = new SmtpClient("{host}") { Credentials = new NetworkCredential("{user}", "{V}") };'),
        ("cs", '        using var conn = new SqlConnection("{CS}");'),
        ("p", '        var mail = new MailSettings\n        {\n            SmtpPassword = "{V}",\n        };'),
    ],
    away=[
        ("a", '        private static readonly string[] Keys =\n        {\n            "{V}",\n        };'),
        ("a", "        // {W}\n        private const string Default{n} = \"{V}\";"),
        ("a", '        var {key} =\n            "{V}";'),
    ],
    shape=[("s", '        var client = new Client("{V}");'), ("s", '        _logger.LogInformation("using {0}", "{V}");')],
    comment=[("a", "        // {NAME}={V}"), ("a", "        /* old {W}: {V} */"), ("a", '        /// <example>client.Auth("{V}")</example>')],
    url=[("u", '        var url = "{URI}";'), ("udb", '        var conn = DbFactory.Open("{URI}");'), ("uhttp", '        var resp = await http.GetAsync("{URI}");')],
    escaped=[
        ("p", '        var body = "{\\"password\\":\\"{V}\\"}";'),
        ("pemesc", '        const string Pem = "{PEMESC}";'),
        ("p", '        var json = @"{""password"": ""{V}""}";'),
    ],
    dassign=['        private const string {ID} = "{val}";', '        var {id} = "{val}";', '        var opts = new Options { {Id} = "{val}" };'],
    draw=["        var {id} = {D};"],
    envref=['Environment.GetEnvironmentVariable("{ENV}")', 'Configuration["{Env}"]', '_config.GetValue<string>("{Env}")'],
    fndef=["        public string {FPascal}() => _store.Read(\"{fsnake}\");"],
    getter=["        var {id} = user.{FPascal}();", "        var {id} = Console.ReadLine();"],
)

# ----------------------------------------------------------------------- Ruby
LANGS["rb"] = dict(
    ext="rb", c="#",
    dirs=["app/models", "app/services", "lib", "config/initializers"],
    head="# frozen_string_literal: true\n\nrequire \"json\"\nrequire \"net/http\"\n",
    fill=[
        "\ndef {fn}(items, limit = {n})\n  items.compact.first(limit).map(&:to_s)\nend\n",
        "\nclass {svc}Service\n  def initialize(client)\n    @client = client\n  end\n\n  def call(id)\n    @client.get(\"/v1/{svcl}/#{id}\")\n  end\nend\n",
    ],
    plain=[
        ("a", '{NAME} = "{V}"'), ("a", "{NAME} = '{V}'.freeze"), ("a", 'ENV["{NAME}"] ||= "{V}"'),
    ],
    struct=[
        ("p", 'ActiveRecord::Base.establish_connection(adapter: "postgresql", host: "{host}", username: "{user}", password: "{V}")'),
        ("a", 'config = {\n  {skey}: "{V}",\n  timeout: 30\n}'),
        ("a", 'OPTS = { "{key}" => "{V}" }.freeze'),
        ("k", 'req["Authorization"] = "Bearer {V}"'),
        ("a", '  config.{skey} = "{V}"'),
        ("p", 'smtp_settings = { user_name: "{user}", password: "{V}" }'),
        ("aws", 'Aws.config.update(credentials: Aws::Credentials.new("{AK}", "{SK}"))'),
    ],
    away=[
        ("a", 'TOKENS = [\n  "{V}",\n].freeze'),
        ("a", "# {W}\nDEFAULT_{n} = \"{V}\""),
        ("a", "{skey} = <<~KEY\n  {V}\nKEY"),
        ("a", 'creds = {\n  {skey}:\n    "{V}"\n}'),
    ],
    shape=[("s", 'client = Client.new("{V}")'), ("s", 'Rails.logger.debug "auth {V}"')],
    comment=[("a", "# {NAME}={V}"), ("a", "# old {W}: {V}"), ("a", "=begin\nexample key {V}\n=end")],
    url=[("u", '{NAME} = "{URI}"'), ("udb", 'DB = Sequel.connect("{URI}")'), ("uhttp", 'Net::HTTP.get(URI("{URI}"))')],
    escaped=[("p", 'BODY = "{\\"password\\":\\"{V}\\"}"'), ("pemesc", 'PEM = "{PEMESC}"')],
    dassign=['{ID} = "{val}"', "{sid} = '{val}'", 'OPTS = { {sid}: "{val}" }.freeze'],
    draw=["{sid} = {D}"],
    envref=['ENV["{ENV}"]', 'ENV.fetch("{ENV}")', "Rails.application.credentials.{env}"],
    fndef=["def {fsnake}\n  @{fsnake} ||= vault.read(\"{fsnake}\")\nend"],
    getter=["{sid} = params[:{sid}]", "{sid} = user.{fsnake}"],
)

# ------------------------------------------------------------------------ PHP
LANGS["php"] = dict(
    ext="php", c="//",
    dirs=["src", "app/Http/Controllers", "config", "includes"],
    head="<?php\n\ndeclare(strict_types=1);\n\nnamespace App\\{svc};\n",
    fill=[
        "\nfunction {fn}(array $items, int $limit = {n}): array\n{\n    return array_slice(array_filter($items), 0, $limit);\n}\n",
        "\nfinal class {svc}Controller\n{\n    public function show(int $id): array\n    {\n        return ['id' => $id, 'items' => []];\n    }\n}\n",
    ],
    plain=[
        ("a", "define('{NAME}', '{V}');"), ("a", '${NAME} = "{V}";'), ("a", "putenv('{NAME}={V}');"),
        ("a", "const {NAME} = '{V}';"),
    ],
    struct=[
        ("a", "return [\n    '{skey}' => '{V}',\n];"),
        ("p", "$config = [\n    'host' => '{host}',\n    'password' => '{V}',\n];"),
        ("p", "$pdo = new PDO($dsn, '{user}', '{V}');"),
        ("k", "curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: Bearer {V}']);"),
        ("a", "$this->{key} = '{V}';"),
        ("p", "$mail->Password = '{V}';"),
        ("p", "$mail = [\n    'smtp_pass' => '{V}',\n];"),
    ],
    away=[
        ("a", "$keys = [\n    '{V}',\n];"),
        ("a", "// {W}\n$default{n} = '{V}';"),
        ("a", "$config = [\n    '{skey}' =>\n        '{V}',\n];"),
        ("a", "${key} = <<<EOT\n{V}\nEOT;"),
    ],
    shape=[("s", "$client = new Client('{V}');"), ("s", "error_log('auth with ' . '{V}');")],
    comment=[("a", "// {NAME}={V}"), ("a", "# old {W}: {V}"), ("a", "/**\n * @example $client->auth('{V}')\n */")],
    url=[("u", "$url = '{URI}';"), ("udb", "$db = DriverManager::getConnection(['url' => '{URI}']);")],
    escaped=[("p", '$body = "{\\"password\\":\\"{V}\\"}";'), ("pemesc", '$pem = "{PEMESC}";')],
    dassign=["${id} = '{val}';", "define('{ID}', '{val}');", "$opts = ['{sid}' => '{val}'];"],
    draw=["${id} = {D};"],
    envref=["getenv('{ENV}')", "$_ENV['{ENV}']", "env('{ENV}')"],
    fndef=["public function {fcamel}(): string\n{\n    return $this->{fcamel};\n}"],
    getter=["${id} = $request->input('{sid}');", "${id} = $user->{fcamel}();"],
)

# ----------------------------------------------------------------------- Rust
LANGS["rs"] = dict(
    ext="rs", c="//",
    dirs=["src", "crates/api/src", "crates/store/src"],
    head="use std::collections::HashMap;\nuse std::time::Duration;\n",
    fill=[
        "\npub fn {fn}(items: &[String], limit: usize) -> Vec<String> {\n    items.iter().filter(|s| !s.is_empty()).take(limit).cloned().collect()\n}\n",
        "\n#[derive(Debug, Clone)]\npub struct {svc}State {\n    pub retries: u32,\n    pub cache: HashMap<String, u64>,\n}\n\nconst TIMEOUT: Duration = Duration::from_secs({n});\n",
    ],
    plain=[
        ("a", 'const {NAME}: &str = "{V}";'), ("a", 'static {NAME}: &str = "{V}";'),
        ("a", '    std::env::set_var("{NAME}", "{V}");'),
    ],
    struct=[
        ("a", 'let cfg = Config {\n    {skey}: "{V}".to_string(),\n    timeout: 30,\n};'),
        ("p", 'let opts = PgConnectOptions::new().host("{host}").username("{user}").password("{V}");'),
        ("k", '    .header("Authorization", "Bearer {V}")'),
        ("k", '    .bearer_auth("{V}")'),
        ("a", 'let s = Settings { {skey}: String::from("{V}"), ..Default::default() };'),
        ("k", 'headers.insert("x-api-key", HeaderValue::from_static("{V}"));'),
    ],
    away=[
        ("a", 'const KEYS: &[&str] = &[\n    "{V}",\n];'),
        ("a", "// {W}\nconst DEFAULT_{n}: &str = \"{V}\";"),
        ("a", 'let {skey} =\n    "{V}";'),
        ("a", 'let {skey} = r#"\n{V}\n"#;'),
    ],
    shape=[("s", 'let client = Client::new("{V}");'), ("s", 'log::debug!("using {}", "{V}");')],
    comment=[("a", "// {NAME}={V}"), ("a", "/* old {W}: {V} */"), ("a", '/// ```\n/// let c = Client::new("{V}");\n/// ```')],
    url=[("u", 'let url = "{URI}";'), ("udb", 'let pool = AnyPool::connect("{URI}").await?;')],
    escaped=[("p", 'let body = "{\\"password\\":\\"{V}\\"}";'), ("pemesc", 'const PEM: &str = "{PEMESC}";')],
    dassign=['const {ID}: &str = "{val}";', 'let {sid} = "{val}";', 'let opts = Opts { {sid}: "{val}".into(), ..Default::default() };'],
    draw=["let {sid} = {D};"],
    envref=['std::env::var("{ENV}")?', 'env!("{ENV}")'],
    fndef=["pub fn {fsnake}(&self) -> &str {\n    &self.{fsnake}\n}"],
    getter=["let {sid} = self.{fsnake}();", "let {sid} = rpassword::prompt_password(\"{Label}: \")?;"],
)

# ---------------------------------------------------------------------- shell
LANGS["sh"] = dict(
    ext="sh", c="#",
    dirs=["scripts", "deploy", "bin", "ops"],
    head="#!/usr/bin/env bash\nset -euo pipefail\n",
    fill=[
        "\n{fn}() {\n  local dir=\"$1\"\n  find \"$dir\" -name '*.log' -mtime +{n} -print\n}\n",
        "\nlog() { printf '%s %s\\n' \"$(date -u +%FT%TZ)\" \"$*\" >&2; }\nRETRIES={n}\n",
        "\nfor svc in api worker web; do\n  systemctl restart \"$svc\" || log \"restart $svc failed\"\ndone\n",
    ],
    plain=[
        ("a", 'export {NAME}="{V}"'), ("a", "{NAME}={V}"), ("a", "export {NAME}='{V}'"),
        ("aws", "export AWS_ACCESS_KEY_ID={AK}\nexport AWS_SECRET_ACCESS_KEY={SK}"),
    ],
    struct=[
        ("k", "docker run -e API_TOKEN={V} -p 8080:8080 {image}"),
        ("a", "docker run --rm -e {NAME}={V} {image}"),
        ("p", "curl -u {user}:{V} https://{host}/api/v1/status"),
        ("k", 'curl -H "Authorization: Bearer {V}" https://{host}/v2/items'),
        ("k", 'curl -H "X-API-Key: {V}" https://{host}/metrics'),
        ("p", "wget --user={user} --password={V} https://{host}/backup.tar.gz"),
        ("p", "mysql -u root -p{V} -h {host} {db}"),
        ("p", "PGPASSWORD={V} psql -h {host} -U {user} {db}"),
        ("a", 'gh secret set {NAME} --body "{V}"'),
        ("p", 'sshpass -p "{V}" ssh {user}@{host}'),
        ("a", "kubectl create secret generic app --from-literal={skey}={V}"),
        ("p", 'echo "{V}" | docker login -u {user} --password-stdin'),
        ("a", "heroku config:set {NAME}={V} -a {svcl}-prod"),
        ("k", "vercel env add API_SECRET production <<< '{V}'"),
    ],
    away=[
        ("a", "cat <<EOF > \"$HOME/.config/{svcl}/token\"\n{V}\nEOF"),
        ("a", "# {W} (deploy box):\nVALUE_{n}=\"{V}\""),
        ("a", 'KEYS=(\n  "{V}"\n)'),
        ("a", "export {NAME}=$(cat <<'EOF'\n{V}\nEOF\n)"),
    ],
    shape=[("s", './client --verbose "{V}"'), ("s", 'echo "{V}" >> "$HOME/out.log"')],
    comment=[("a", "# {NAME}={V}"), ("a", "# old {W}: {V}"), ("a", "#   ./deploy.sh --key {V}")],
    url=[("uhttp", 'curl -s "{URI}"'), ("u", '{NAME}="{URI}"'), ("ugit", "git clone {URI}")],
    escaped=[
        ("p", 'curl -d "{\\"username\\":\\"{user}\\",\\"password\\":\\"{V}\\"}" https://{host}/login'),
        ("p", 'aws secretsmanager put-secret-value --secret-id app --secret-string "{\\"password\\":\\"{V}\\"}"'),
    ],
    dassign=['{ID}="{val}"', "export {ID}='{val}'"],
    draw=["{ID}={D}", "export {ID}={D}"],
    envref=['"${{ENV}}"', '"${{ENV}:?missing}"', "$(vault kv get -field={sid} secret/app)"],
    fndef=["{fsnake}() {\n  security find-generic-password -s \"$1\" -w\n}"],
    getter=['read -rsp "{Label}: " {ID}', "{ID}=$({fsnake} app)"],
)
