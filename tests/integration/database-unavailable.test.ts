// What pg, @prisma/adapter-pg and Prisma really throw when PostgreSQL goes away, captured from a
// real server of this test's own (stopped, shut down, out of connections, started again), and
// checked against lib/db/unavailable.ts. The shared test database is left alone.
import { randomUUID } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { databaseUnavailableCount, databaseUnavailableReason, isDatabaseUnavailable, noteDatabaseError } from "@/lib/db/unavailable";
import { ensureDatabase, type RunningPostgres, startEmbeddedPostgres } from "@/scripts/lib/embedded-postgres";

const dataDir = path.join(os.tmpdir(), `claimtrail-outage-${randomUUID()}`);
let server: RunningPostgres;
let url: string;
const clients: PrismaClient[] = [];
/** Errors the driver adapter raised, as lib/db.ts's `onDriverError` sees them. */
const driverErrors: unknown[] = [];

function client(connectionString = url, max = 2): PrismaClient {
  const prisma = createPrismaClient(connectionString, { max, onDriverError: (error) => driverErrors.push(error) });
  clients.push(prisma);
  return prisma;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the database call to fail");
}

async function postmasterPid(): Promise<number> {
  return Number((await readFile(path.join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0]);
}

/** A local server that accepts connections and then does `behaviour` with them. */
async function fakeServer(behaviour: (socket: net.Socket) => void): Promise<{ port: number; close: () => void }> {
  const sockets = new Set<net.Socket>();
  const fake = net.createServer((socket) => {
    sockets.add(socket);
    behaviour(socket);
  });
  await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
  return {
    port: (fake.address() as net.AddressInfo).port,
    close: () => {
      for (const socket of sockets) socket.destroy();
      fake.close();
    },
  };
}

beforeAll(async () => {
  server = await startEmbeddedPostgres({ dataDir, ephemeral: true });
  await ensureDatabase(server.url("postgres"), "claimtrail_outage");
  url = server.url("claimtrail_outage");
  await migrate(url);
});

afterAll(async () => {
  await Promise.all(clients.map((prisma) => prisma.$disconnect().catch(() => undefined)));
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("errors that mean the database is unreachable, from a real PostgreSQL", () => {
  it("are recognised through a stop, while down, and through a restart; the pool reconnects by itself", async () => {
    const prisma = client();
    await prisma.user.count();

    // Stopped (a fast shutdown) while a statement runs: 57P01 "terminating connection due to administrator command".
    const inFlight = failure(prisma.$queryRaw`SELECT pg_sleep(30)`);
    const inFlightTransaction = failure(prisma.$transaction(async (tx) => tx.$queryRaw`SELECT pg_sleep(30)`));
    await expect.poll(async () => (await pg_activity(url)).filter((query) => query.includes("pg_sleep(30)")).length).toBe(2);
    await server.stop({ keepData: true });
    const adminShutdown = await inFlight;
    expect(databaseUnavailableReason(adminShutdown)).toBe("PostgreSQL 57P01");
    expect(databaseUnavailableReason(await inFlightTransaction)).toBe("PostgreSQL 57P01");

    // Down: the connection is refused.
    const before = databaseUnavailableCount();
    const modelQuery = await failure(prisma.claim.findMany({ take: 1 }));
    expect(modelQuery).toMatchObject({ code: "P1001" });
    expect(databaseUnavailableReason(modelQuery)).toBe("Prisma P1001");
    expect(noteDatabaseError(modelQuery)).toBe(true);
    expect(databaseUnavailableCount()).toBe(before + 1);
    const rawQuery = await failure(prisma.$queryRaw`SELECT 1`);
    expect(rawQuery).toMatchObject({ code: "P2010" });
    expect(databaseUnavailableReason(rawQuery)).toBe("DatabaseNotReachable");
    expect(isDatabaseUnavailable(await failure(prisma.$transaction(async (tx) => tx.user.count())))).toBe(true);
    expect(isDatabaseUnavailable(await failure(prisma.$transaction([prisma.user.count()])))).toBe(true);
    const pool = new pg.Pool({ connectionString: url });
    expect(databaseUnavailableReason(await failure(pool.query("SELECT 1")))).toBe("ECONNREFUSED");
    await pool.end();
    // Better Auth hands such an error on as the cause of its own.
    expect(isDatabaseUnavailable(new Error("Failed to get session", { cause: modelQuery }))).toBe(true);

    // Every one of them reached the adapter's observer first, and it recognised them all.
    expect(driverErrors.length).toBeGreaterThanOrEqual(6);
    for (const error of driverErrors) expect(isDatabaseUnavailable(error), String(error)).toBe(true);

    // Started again on the same directory and port: the same client works, no restart needed.
    server = await startEmbeddedPostgres({ dataDir, port: server.port, ephemeral: true });
    expect(await prisma.user.count()).toBe(0);
    expect(await prisma.$transaction(async (tx) => tx.user.count())).toBe(0);
  });

  it("recognises 57P03 (shutting down), 53300 (too many connections) and terminated backends", async () => {
    const admin = quiet(new pg.Client({ connectionString: url }));
    await admin.connect();
    try {
      // 53300: a role allowed a single connection, which is taken.
      await admin.query("CREATE ROLE outage_limited LOGIN PASSWORD 'limited' CONNECTION LIMIT 1");
      const limitedUrl = url.replace(/\/\/[^@]+@/, "//outage_limited:limited@");
      const holder = quiet(new pg.Client({ connectionString: limitedUrl }));
      await holder.connect();
      const limited = client(limitedUrl, 1);
      expect(databaseUnavailableReason(await failure(limited.user.count()))).toBe("Prisma P2037");
      expect(databaseUnavailableReason(await failure(limited.$queryRaw`SELECT 1`))).toBe("PostgreSQL 53300");
      await holder.end();

      // 57P01 from pg_terminate_backend.
      const prisma = client();
      const victim = failure(prisma.$queryRaw`SELECT pg_sleep(30)`);
      await expect.poll(async () => (await pg_activity(url)).filter((query) => query.includes("pg_sleep(30)")).length).toBe(1);
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid()");
      expect(databaseUnavailableReason(await victim)).toBe("PostgreSQL 57P01");
    } finally {
      await admin.end();
    }

    // 57P03: a smart shutdown waits for open sessions and refuses new ones meanwhile.
    const session = quiet(new pg.Client({ connectionString: url }));
    await session.connect();
    process.kill(await postmasterPid(), "SIGTERM");
    const late = client();
    await expect
      .poll(async () => databaseUnavailableReason(await failure(late.user.count())))
      .toBe("PostgreSQL 57P03");
    const raw = quiet(new pg.Client({ connectionString: url }));
    expect(databaseUnavailableReason(await failure(raw.connect()))).toBe("PostgreSQL 57P03");
    await session.end();
    await server.stop({ keepData: true });
    server = await startEmbeddedPostgres({ dataDir, port: server.port, ephemeral: true });
    expect(await late.user.count()).toBe(0);
  });

  it("recognises a server that never answers and one that hangs up", async () => {
    const silent = await fakeServer(() => undefined);
    const hangsUp = await fakeServer((socket) => socket.destroy());
    try {
      const timedOut = await failure(client(url.replace(/:\d+\//, `:${silent.port}/`), 1).user.count());
      expect(databaseUnavailableReason(timedOut)).toBe("Connection terminated due to connection timeout");
      const hungUp = await failure(client(url.replace(/:\d+\//, `:${hangsUp.port}/`), 1).user.count());
      expect(databaseUnavailableReason(hungUp)).toMatch(/^(Connection terminated unexpectedly|ECONNRESET|ConnectionClosed|Prisma P1017)$/);
    } finally {
      silent.close();
      hangsUp.close();
    }
  });

  it("recognises a pool with no connection free in time", async () => {
    const prisma = client(url, 1);
    const holding = prisma.$transaction(async (tx) => tx.$queryRaw`SELECT pg_sleep(7)::text`, { timeout: 20_000 });
    await expect.poll(async () => (await pg_activity(url)).filter((query) => query.includes("pg_sleep(7)")).length).toBe(1);
    expect(databaseUnavailableReason(await failure(prisma.user.count()))).toBe("timeout exceeded when trying to connect");
    await holding;
  });

  it("does not mistake the database's other errors for an outage", async () => {
    const prisma = client();
    const before = databaseUnavailableCount();
    const data = { email: "same@example.com", name: "Same", role: "editor" as const };
    await prisma.user.create({ data });
    const duplicate = await failure(prisma.user.create({ data }));
    expect(duplicate).toMatchObject({ code: "P2002" });
    const syntax = await failure(prisma.$queryRawUnsafe("SELEC 1"));
    const missing = await failure(prisma.user.update({ where: { email: "nobody@example.com" }, data: { name: "x" } }));
    const invalid = await failure(prisma.$queryRawUnsafe("SELECT 1/0"));
    for (const error of [duplicate, syntax, missing, invalid]) {
      expect(databaseUnavailableReason(error), String(error)).toBeNull();
      expect(noteDatabaseError(error)).toBe(false);
    }
    expect(databaseUnavailableCount()).toBe(before);
  });
});

/** A client whose connection errors (the server going away on purpose) are expected. */
function quiet(connection: pg.Client): pg.Client {
  connection.on("error", () => undefined);
  return connection;
}

/** The statements running on the server now (from a connection of its own). */
async function pg_activity(connectionString: string): Promise<string[]> {
  const probe = quiet(new pg.Client({ connectionString }));
  await probe.connect();
  try {
    const { rows } = await probe.query<{ query: string }>("SELECT query FROM pg_stat_activity WHERE pid <> pg_backend_pid()");
    return rows.map((row) => row.query);
  } finally {
    await probe.end();
  }
}
