// npm run bench: the reader pages under load, each figure against a baseline measured in the same
// run (docs/performance.md, "Reader pages under load").
//
// It builds when the build is missing or stale, starts a throw-away embedded PostgreSQL with the
// demo data, and the app twice through scripts/server.ts (production): once as configured (reader
// cache on) and once with READER_CACHE=off. For each page it then measures, with autocannon, the
// same number of connections for the same time, interleaved over several rounds:
//   (a)  the app, its cache warmed by one request first, against
//   (b)  a bare node:http server answering with the same bytes: the limit for a cached page;
//   (a') the app with READER_CACHE=off, against
//   (c)  a bare node:http + pg server that runs the same SQL on each request, then answers with the
//        same bytes: the limit for a page rendered per request.
// "The same SQL" is captured from PostgreSQL's own statement log during one request of the page,
// so it follows the app's queries as they change. Then a fixed-rate run of the claim page.
//
// Usage: npm run bench [-- --duration 5 --rounds 3 --connections 10 --rate 50 --rate-duration 10
//                          --warmup 2 --port 3300 --show-sql]
// The four servers listen on --port .. --port+3 (127.0.0.1).
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seedDemoData } from "@/prisma/seed";
import type { BaselineConfig } from "./bench-baseline.ts";
import { formatNumber, formatTable, median, waitUntilIdle } from "./lib/bench.ts";
import { ROOT, runScript } from "./lib/database.ts";
import { ensureDatabase, freePort, startEmbeddedPostgres } from "./lib/embedded-postgres.ts";
import { getRaw, load, loadAtRate, type LoadResult, type RawResponse, waitForHttp } from "./lib/http-load.ts";
import { buildApp, buildIsStale, serverCommand } from "./lib/next-build.ts";
import { type LoggedStatement, StatementLog, statementLogSettings } from "./lib/sql-log.ts";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "5" },
    rounds: { type: "string", default: "3" },
    connections: { type: "string", default: "10" },
    rate: { type: "string", default: "50" },
    "rate-duration": { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    port: { type: "string", default: "3300" },
    "show-sql": { type: "boolean", default: false },
  },
});

function positive(name: string, value: string | undefined, integer = false): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0 || (integer && !Number.isInteger(number))) {
    throw new Error(`--${name} must be a positive ${integer ? "whole " : ""}number, not "${value}".`);
  }
  return number;
}

// The pages of the table. The claim page is the demo story's disputed Trump–Putin call
// (prisma/seed.ts); the bench checks below that it answers 200.
const PAGES = [
  { name: "claim", path: "/claims/trump-spoke-with-putin" },
  { name: "home", path: "/" },
  { name: "search", path: "/search?q=Peskov" },
] as const;
type PageName = (typeof PAGES)[number]["name"];

type TargetKey = "app" | "bytes" | "appOff" | "sql";
const TARGETS: { key: TargetKey; label: string }[] = [
  { key: "app", label: "(a)  app, reader cache on" },
  { key: "bytes", label: "(b)  node:http, same bytes" },
  { key: "appOff", label: "(a') app, READER_CACHE=off" },
  { key: "sql", label: "(c)  node:http + pg, same SQL" },
];

const LOAD_HEADER = ["req/s", "p50 ms", "p99 ms", "errors", "bytes/resp", "CPU ms/resp: server", "PostgreSQL"];

// The app's Prisma pool (lib/db/client.ts): the SQL baseline gets as many connections.
const APP_POOL_SIZE = 10;

await runScript(async () => {
  const options = {
    duration: positive("duration", args.duration),
    rounds: positive("rounds", args.rounds, true),
    connections: positive("connections", args.connections, true),
    rate: positive("rate", args.rate),
    rateDuration: positive("rate-duration", args["rate-duration"]),
    warmup: positive("warmup", args.warmup),
    port: positive("port", args.port, true),
  };
  const ports: Record<TargetKey, number> = { app: options.port, appOff: options.port + 1, bytes: options.port + 2, sql: options.port + 3 };
  for (const port of Object.values(ports)) {
    if ((await freePort(port)) !== port) throw new Error(`Port ${port} is in use; pick other ports with --port N (it uses N to N+3).`);
  }

  if (buildIsStale()) {
    console.log("Building the production app (the build is missing or older than the sources)…");
    if ((await buildApp()) !== 0) throw new Error("The production build failed; see the output above.");
  }

  const scratch = mkdtempSync(path.join(os.tmpdir(), "claimtrail-bench-"));
  const dataDir = path.join(os.tmpdir(), `claimtrail-bench-pg-${randomUUID()}`);
  const postgres = await startEmbeddedPostgres({ dataDir, ephemeral: true, settings: statementLogSettings(dataDir) });
  const children: ChildProcess[] = [];
  let sqlLog: StatementLog | null = null;
  try {
    await ensureDatabase(postgres.url("postgres"), "claimtrail_bench");
    const url = postgres.url("claimtrail_bench");
    await migrate(url);
    const prisma = createPrismaClient(url, { max: 2 });
    await seedDemoData(prisma);
    await prisma.$disconnect();

    console.log("Starting the app twice (reader cache on, and READER_CACHE=off)…");
    const app = startApp(ports.app, url, "on", children);
    const appOff = startApp(ports.appOff, url, "off", children);
    await Promise.all([waitForServer(app, ports.app, "/api/health"), waitForServer(appOff, ports.appOff, "/api/health")]);

    // One request per page through each app before anything is recorded: the first request of a
    // page loads its code, and on the cached app it fills the cache.
    for (const page of PAGES) {
      for (const port of [ports.app, ports.appOff]) {
        const first = await getRaw(`http://127.0.0.1:${port}${page.path}`);
        if (first.status !== 200) throw new Error(`${page.path} answered ${first.status} on port ${port}, not 200.`);
      }
    }

    // What each app sent, and the SQL each ran, for one more request of each page.
    sqlLog = await StatementLog.open(postgres.url("claimtrail_bench"), dataDir);
    const captured = new Map<PageName, { cached: RawResponse; uncached: RawResponse; sql: LoggedStatement[]; cachedSqlCount: number }>();
    for (const page of PAGES) {
      let cached: RawResponse | undefined;
      let uncached: RawResponse | undefined;
      const cachedSql = await sqlLog.capture(async () => {
        cached = await getRaw(`http://127.0.0.1:${ports.app}${page.path}`);
      });
      const sql = await sqlLog.capture(async () => {
        uncached = await getRaw(`http://127.0.0.1:${ports.appOff}${page.path}`);
      });
      for (const response of [cached!, uncached!]) {
        if (response.status !== 200) throw new Error(`${page.path} answered ${response.status}, not 200.`);
      }
      captured.set(page.name, { cached: cached!, uncached: uncached!, sql, cachedSqlCount: cachedSql.length });
    }
    await sqlLog.close();
    sqlLog = null;

    // The captured SQL must run as captured (the parameters come back as text; PostgreSQL infers their types).
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    try {
      for (const page of PAGES) {
        for (const statement of captured.get(page.name)!.sql) {
          await check.query(statement.text, statement.values).catch((error: Error) => {
            throw new Error(`The SQL captured for ${page.path} does not replay (${error.message}):\n${statement.text}`);
          });
        }
      }
    } finally {
      await check.end();
    }

    const configFile = (mode: "static" | "sql") => {
      const config: BaselineConfig = {
        mode,
        port: mode === "static" ? ports.bytes : ports.sql,
        databaseUrl: url,
        poolSize: APP_POOL_SIZE,
        pages: PAGES.map((page) => {
          const pageCapture = captured.get(page.name)!;
          const response = mode === "static" ? pageCapture.cached : pageCapture.uncached;
          return {
            path: page.path,
            status: response.status,
            headers: response.headers,
            bodyBase64: response.body.toString("base64"),
            ...(mode === "sql" ? { statements: pageCapture.sql.map(({ text, values }) => ({ text, values })) } : {}),
          };
        }),
      };
      const file = path.join(scratch, `${mode}.json`);
      writeFileSync(file, JSON.stringify(config));
      return file;
    };
    const bytes = startBaseline(configFile("static"), children);
    const sqlServer = startBaseline(configFile("sql"), children);
    await Promise.all([waitForServer(bytes, ports.bytes, PAGES[0].path), waitForServer(sqlServer, ports.sql, PAGES[0].path)]);
    for (const page of PAGES) {
      const pageCapture = captured.get(page.name)!;
      for (const [port, expected] of [
        [ports.bytes, pageCapture.cached],
        [ports.sql, pageCapture.uncached],
      ] as const) {
        const response = await getRaw(`http://127.0.0.1:${port}${page.path}`);
        if (response.status !== expected.status || !response.body.equals(expected.body)) {
          throw new Error(`The baseline on port ${port} does not answer ${page.path} with the app's bytes.`);
        }
      }
    }

    const processes: Record<TargetKey, Record<string, number>> = {
      app: { server: app.pid!, db: postgres.pid },
      appOff: { server: appOff.pid!, db: postgres.pid },
      bytes: { server: bytes.pid! },
      sql: { server: sqlServer.pid!, db: postgres.pid },
    };
    // Every run starts on idle servers: a server finishes requests that the load generator gave up
    // on at the end of the previous run, and that work must not land on the next one.
    const allPids = [app.pid!, appOff.pid!, bytes.pid!, sqlServer.pid!, postgres.pid];
    const settle = async () => {
      if (!(await waitUntilIdle(allPids))) console.log("(the servers were still busy 30 s after the last run; measuring anyway)");
    };
    const run = async (target: TargetKey, pagePath: string, duration: number) => {
      await settle();
      return load(`http://127.0.0.1:${ports[target]}${pagePath}`, { connections: options.connections, duration, processes: processes[target] });
    };

    printPreamble(options, captured);
    if (args["show-sql"]) printSql(captured);

    console.log(`\nWarming up: ${options.warmup} s per server and page (not counted)…`);
    for (const page of PAGES) for (const target of TARGETS) await run(target.key, page.path, options.warmup);

    const results = new Map<string, LoadResult[]>();
    const key = (page: PageName, target: TargetKey) => `${page}/${target}`;
    for (let round = 1; round <= options.rounds; round += 1) {
      const rows: string[][] = [];
      for (const page of PAGES) {
        const roundResults = {} as Record<TargetKey, LoadResult>;
        for (const target of TARGETS) {
          const result = await run(target.key, page.path, options.duration);
          roundResults[target.key] = result;
          results.set(key(page.name, target.key), [...(results.get(key(page.name, target.key)) ?? []), result]);
        }
        for (const target of TARGETS) {
          const result = roundResults[target.key];
          const ratio =
            target.key === "app"
              ? `${formatRatio(result.requestsPerSecond / roundResults.bytes.requestsPerSecond)} of (b)`
              : target.key === "appOff"
                ? `${formatRatio(result.requestsPerSecond / roundResults.sql.requestsPerSecond)} of (c)`
                : "";
          rows.push([target.key === "app" ? page.name : "", target.label, ...loadCells(result), ratio]);
        }
      }
      console.log(`\nRound ${round} of ${options.rounds} (${options.duration} s per run, ${options.connections} connections, load average ${loadAverage()})`);
      console.log(formatTable(["page", "server", ...LOAD_HEADER, "app/baseline"], rows, { textColumns: 2 }));
    }

    const summary = PAGES.map((page) => {
      const of = (target: TargetKey) => results.get(key(page.name, target))!;
      const rps = (target: TargetKey) => median(of(target).map((result) => result.requestsPerSecond));
      const ratios = (target: TargetKey, baseline: TargetKey) =>
        median(of(target).map((result, round) => result.requestsPerSecond / of(baseline)[round]!.requestsPerSecond));
      const pageCapture = captured.get(page.name)!;
      return [
        page.name,
        formatNumber(rps("app")),
        `${formatNumber(median(of("app").map((result) => result.p99)))} ms`,
        formatNumber(rps("bytes")),
        formatRatio(ratios("app", "bytes")),
        formatNumber(rps("appOff")),
        `${formatNumber(median(of("appOff").map((result) => result.p99)))} ms`,
        formatNumber(rps("sql")),
        formatRatio(ratios("appOff", "sql")),
        `${pageCapture.sql.length} / ${pageCapture.cachedSqlCount}`,
      ];
    });
    console.log(`\nMedians over ${options.rounds} rounds (the ratios are the medians of each round's ratio)`);
    console.log(
      formatTable(
        ["page", "(a) req/s", "(a) p99", "(b) req/s", "(a)/(b)", "(a') req/s", "(a') p99", "(c) req/s", "(a')/(c)", "SQL uncached / cached"],
        summary,
      ),
    );

    const claim = PAGES[0];
    const rateRows: string[][] = [];
    for (const target of TARGETS) {
      await settle();
      const result = await loadAtRate(`http://127.0.0.1:${ports[target.key]}${claim.path}`, {
        rate: options.rate,
        duration: options.rateDuration,
        connections: options.connections,
        processes: processes[target.key],
      });
      rateRows.push([
        target.label,
        `${result.answered} / ${result.asked}`,
        formatNumber(result.p50, 2),
        formatNumber(result.p99, 2),
        String(result.errors),
        ...cpuCells(result.cpuMsPerResponse),
      ]);
    }
    console.log(
      `\nFixed rate: the claim page at ${options.rate} req/s, evenly spaced, for ${options.rateDuration} s over at most ${options.connections} connections; ` +
        `latency from each request's due time (load average ${loadAverage()})`,
    );
    console.log(formatTable(["server", "answered / sent", "p50 ms", "p99 ms", "errors", "CPU ms/resp: server", "PostgreSQL"], rateRows));
  } finally {
    await sqlLog?.close();
    await Promise.all(children.map(stopChild));
    await postgres.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
});

function loadCells(result: LoadResult): string[] {
  return [
    formatNumber(result.requestsPerSecond),
    formatNumber(result.p50, 2),
    formatNumber(result.p99, 2),
    String(result.errors),
    formatNumber(result.bytesPerResponse, 0),
    ...cpuCells(result.cpuMsPerResponse),
  ];
}

function cpuCells(cpuMsPerResponse: Record<string, number | null>): string[] {
  const cpu = (value: number | null | undefined) => (value == null ? "–" : formatNumber(value, 2));
  return [cpu(cpuMsPerResponse.server), "db" in cpuMsPerResponse ? cpu(cpuMsPerResponse.db) : ""];
}

function formatRatio(ratio: number): string {
  // No answer at all within a run (a very busy machine) gives no ratio.
  if (!Number.isFinite(ratio) || ratio === 0) return "–";
  return `${ratio < 0.1 ? ratio.toFixed(3) : ratio.toFixed(2)}×`;
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");
}

function printPreamble(
  options: { duration: number; rounds: number; connections: number },
  captured: Map<PageName, { cached: RawResponse; uncached: RawResponse; sql: LoggedStatement[]; cachedSqlCount: number }>,
): void {
  console.log(
    `\nnpm run bench: Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? "?"}), load average ${loadAverage()}` +
      `\n${options.rounds} rounds of ${options.duration} s per server and page, ${options.connections} connections; (a) runs without READER_CACHE, (a') with READER_CACHE=off` +
      `\nThe baselines answer with the app's bytes and headers (less Date/Connection/Transfer-Encoding), uncompressed like the app (autocannon sends no Accept-Encoding).`,
  );
  const rows = PAGES.map((page) => {
    const pageCapture = captured.get(page.name)!;
    const dbTime = pageCapture.sql.reduce((sum, statement) => sum + statement.durationMs, 0);
    return [
      page.name,
      page.path,
      formatNumber(pageCapture.cached.body.length, 0),
      String(pageCapture.sql.length),
      formatNumber(dbTime, 2),
      String(pageCapture.cachedSqlCount),
    ];
  });
  console.log("\nSQL per page, from PostgreSQL's statement log during one request (after a first one)");
  console.log(formatTable(["page", "path", "HTML bytes", "SQL statements, READER_CACHE=off", "their DB time ms", "SQL statements, cache on"], rows, { textColumns: 2 }));
}

function printSql(captured: Map<PageName, { sql: LoggedStatement[] }>): void {
  for (const page of PAGES) {
    console.log(`\n-- ${page.path}: ${captured.get(page.name)!.sql.length} statements`);
    for (const statement of captured.get(page.name)!.sql) {
      console.log(`${statement.text};\n--   parameters: ${JSON.stringify(statement.values)}  (${statement.durationMs} ms)`);
    }
  }
}

function startApp(port: number, databaseUrl: string, readerCache: "on" | "off", children: ChildProcess[]): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    APP_URL: `http://127.0.0.1:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (readerCache === "off") env.READER_CACHE = "off";
  else delete env.READER_CACHE;
  return track(spawn(process.execPath, serverCommand({ port, hostname: "127.0.0.1" }), { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] }), `app:${port}`, children);
}

function startBaseline(configFile: string, children: ChildProcess[]): ChildProcess {
  return track(
    spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/bench-baseline.ts"), configFile], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] }),
    "baseline",
    children,
  );
}

/** Passes a child's error output on, prefixed, and remembers the child to stop it at the end. */
function track(child: ChildProcess, label: string, children: ChildProcess[]): ChildProcess {
  children.push(child);
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (text: string) => {
    for (const line of text.trimEnd().split("\n")) console.error(`[${label}] ${line}`);
  });
  return child;
}

function waitForServer(child: ChildProcess, port: number, pagePath: string): Promise<void> {
  return waitForHttp(`http://127.0.0.1:${port}${pagePath}`, 180_000, () =>
    child.exitCode !== null || child.signalCode !== null ? `The server for port ${port} stopped (exit ${child.exitCode ?? child.signalCode}).` : null,
  );
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
