// npm run test:e2e: finds a browser, builds the app when the build is missing or stale, then runs
// Playwright against the production build (see playwright.config.ts).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { ROOT, runScript } from "./lib/database.ts";
import { buildApp, buildIsStale } from "./lib/next-build.ts";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

function ensureBrowser(): void {
  if (process.env.CLAIMTRAIL_CHROMIUM || existsSync(DEBIAN_CHROMIUM)) return;
  if (process.getuid?.() === 0 && existsSync("/etc/debian_version")) {
    console.log("Installing Debian's Chromium for the browser tests (apt-get install chromium)…");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    return;
  }
  if (existsSync(chromium.executablePath())) return;
  throw new Error(
    "No browser for the e2e tests: install Chromium (Debian/Ubuntu: sudo apt-get install chromium) or run `npx playwright install chromium`.",
  );
}

/** redis-server, for the spec that runs two instances on one shared cache (shared-cache.spec.ts). */
function ensureRedis(): void {
  const found = spawnSync("redis-server", ["--version"], { stdio: "ignore" });
  if (found.status === 0) return;
  if (process.getuid?.() === 0 && existsSync("/etc/debian_version")) {
    console.log("Installing Debian's redis-server for the shared-cache test (apt-get install redis-server)…");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "redis-server"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    return;
  }
  throw new Error("No redis-server for the shared-cache test: install it (Debian/Ubuntu: sudo apt-get install redis-server).");
}

await runScript(async () => {
  ensureBrowser();
  ensureRedis();
  if (buildIsStale()) {
    console.log("Building the production app for the browser tests…");
    if ((await buildApp()) !== 0) throw new Error("The production build failed; see the output above.");
  }
  const result = spawnSync(process.execPath, [`${ROOT}/node_modules/@playwright/test/cli.js`, "test", ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: "inherit",
  });
  process.exit(result.status ?? 1);
});
