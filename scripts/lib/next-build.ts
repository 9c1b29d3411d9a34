// Decides whether the production build in .next is missing or older than the sources, and builds.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./database.ts";

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "next.config.ts",
  "proxy.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
  "scripts/server.ts",
];

/**
 * scripts/server.ts (the HTTP front and Next.js), compiled to plain JavaScript by the build. In
 * production the server runs without tsx: tsx's module hooks answer every dynamic import() through
 * a worker thread, and Next imports the cache handler twice per request (measured: a fifth of a
 * cached page's CPU). Two directories deep, like scripts/lib, so that ROOT resolves the same.
 */
export const SERVER_BUNDLE = path.join(ROOT, ".next", "front", "server.mjs");

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

export function buildIsStale(): boolean {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!existsSync(buildId) || !existsSync(SERVER_BUNDLE)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((source) => newestMtime(path.join(ROOT, source)) > built);
}

export const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");

/** The command line that serves the app through the HTTP front (scripts/server.ts; its build in production). */
export function serverCommand(options: { port: number | string; hostname?: string; dev?: boolean }): string[] {
  return [
    ...(options.dev ? ["--import", "tsx", path.join(ROOT, "scripts/server.ts")] : [SERVER_BUNDLE]),
    "--port",
    String(options.port),
    ...(options.hostname ? ["--hostname", options.hostname] : []),
    ...(options.dev ? ["--dev"] : []),
  ];
}

/**
 * The job worker's command line (scripts/worker.ts). It runs under tsx in production too: it makes
 * no per-request imports, and bundling would copy Prisma's generated client, which loads its
 * engine from files beside it. `react-server` lets it load our server-only modules.
 */
export function workerCommand(): string[] {
  return ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts/worker.ts")];
}

export function runNext(args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT_BIN, ...args], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    });
    child.once("error", reject);
    child.once("exit", (code) => resolve(code ?? 1));
  });
}

/** The production build: Next.js's, then the server's (SERVER_BUNDLE). Returns the exit code. */
export async function buildApp(): Promise<number> {
  const code = await runNext(["build"]);
  if (code !== 0) return code;
  const { build } = await import("esbuild");
  // Our own modules (@/lib/…) are compiled in; packages stay imports, resolved from node_modules.
  await build({
    entryPoints: [path.join(ROOT, "scripts/server.ts")],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: path.join(ROOT, "tsconfig.json"),
    logLevel: "warning",
  });
  return 0;
}
