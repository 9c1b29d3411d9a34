// npm run fuzz [-- N [SEED]]: the long fuzz runs. N requests over HTTP against the production build
// (tests/e2e/fuzz-http.spec.ts, which prints the answers by status), then about N runs in all
// against a real database, shared out over the server actions and route handlers
// (tests/integration/fuzz-actions.test.ts: 20 properties, each reset and replayed, so a run costs
// ~0.1 s there). A counterexample fails the run and names its seed and path so that it can be
// replayed and kept as a test.
import { spawnSync } from "node:child_process";
import { ROOT } from "./lib/database.ts";

const runs = process.argv[2] ?? "10000";
const seed = process.argv[3] ?? process.env.FUZZ_SEED;
if (!/^\d+$/.test(runs)) {
  console.error(`Usage: npm run fuzz -- [N] [SEED]  (N is a number of runs, not "${runs}")`);
  process.exit(2);
}
const ACTION_PROPERTIES = 20;

function run(label: string, count: number, args: string[]): number {
  console.log(`\n== ${label}: ${count} runs${seed ? `, seed ${seed}` : ""}`);
  const env = { ...process.env, FUZZ_RUNS: String(count), ...(seed ? { FUZZ_SEED: seed } : {}) };
  return spawnSync("npm", args, { cwd: ROOT, stdio: "inherit", env }).status ?? 1;
}

const total = Number(runs);
const http = run("HTTP fuzz against the production build", total, ["run", "test:e2e", "--", "tests/e2e/fuzz-http.spec.ts"]);
const actions = run(
  `Server actions and route handlers against PostgreSQL (per property, ${ACTION_PROPERTIES} properties)`,
  Math.max(20, Math.ceil(total / ACTION_PROPERTIES)),
  ["run", "test:integration", "--", "tests/integration/fuzz-actions.test.ts"],
);
process.exit(http || actions);
