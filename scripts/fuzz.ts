// npm run fuzz [-- N [SEED]]: the long fuzz runs. N requests over HTTP against the production build
// (tests/e2e/fuzz-http.spec.ts), then N runs per server action and route handler against a real
// database (tests/integration/fuzz-actions.test.ts). Each prints its counts; a counterexample
// fails the run and names its seed and path so that it can be replayed and kept as a test.
import { spawnSync } from "node:child_process";
import { ROOT } from "./lib/database.ts";

const runs = process.argv[2] ?? "10000";
const seed = process.argv[3] ?? process.env.FUZZ_SEED;
if (!/^\d+$/.test(runs)) {
  console.error(`Usage: npm run fuzz -- [N] [SEED]  (N is a number of runs, not "${runs}")`);
  process.exit(2);
}
const env = { ...process.env, FUZZ_RUNS: runs, ...(seed ? { FUZZ_SEED: seed } : {}) };

function run(label: string, args: string[]): number {
  console.log(`\n== ${label}: ${runs} runs${seed ? `, seed ${seed}` : ""}`);
  return spawnSync("npm", args, { cwd: ROOT, stdio: "inherit", env }).status ?? 1;
}

const http = run("HTTP fuzz against the production build", ["run", "test:e2e", "--", "tests/e2e/fuzz-http.spec.ts"]);
const actions = run("Server actions and route handlers against PostgreSQL", ["run", "test:integration", "--", "tests/integration/fuzz-actions.test.ts"]);
process.exit(http || actions);
