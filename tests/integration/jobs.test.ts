// The job queue (lib/jobs) against the real test database: a job exists exactly when the write that
// enqueued it committed, the worker runs it, a payload that does not parse is dropped, and an
// expiry sent by a job reaches a listening server only on commit.
import type { Runner } from "graphile-worker";
import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import { listenForExpiry } from "@/lib/cache/expiry-listener";
import { db } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { notifyExpired } from "@/lib/jobs/expire";
import { startWorker } from "@/lib/jobs/worker";

const url = inject("databaseUrl");
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function jobs(): Promise<{ task_identifier: string; payload: unknown }[]> {
  // The public view (graphile_worker.jobs) leaves payloads out.
  return db().$queryRaw`
    SELECT task.identifier AS task_identifier, job.payload
      FROM graphile_worker._private_jobs job JOIN graphile_worker._private_tasks task ON task.id = job.task_id
     ORDER BY job.id`;
}

/** Resolves with the first notification on `channel` (listening before `action` runs). */
async function listen(channel: string): Promise<{ next: () => Promise<string> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`LISTEN ${channel}`);
  stops.push(() => client.end());
  const received: string[] = [];
  const waiters: ((value: string) => void)[] = [];
  client.on("notification", (message) => {
    const waiter = waiters.shift();
    if (waiter) waiter(message.payload ?? "");
    else received.push(message.payload ?? "");
  });
  return {
    next: () => {
      const ready = received.shift();
      return ready !== undefined ? Promise.resolve(ready) : new Promise((resolve) => waiters.push(resolve));
    },
  };
}

async function worker(): Promise<Runner> {
  const runner = await startWorker({ connectionString: url, concurrency: 1, pollInterval: 200 });
  stops.push(() => runner.stop());
  return runner;
}

describe("enqueueJob", () => {
  it("adds the job with the transaction that commits, and none with one that rolls back", async () => {
    await expect(
      db().$transaction(async (tx) => {
        await enqueueJob(tx, "jobs.ping", { note: "rolled back" });
        throw new Error("the write failed");
      }),
    ).rejects.toThrow("the write failed");
    expect(await jobs()).toEqual([]);

    await db().$transaction(async (tx) => enqueueJob(tx, "jobs.ping", { note: "committed" }));
    expect(await jobs()).toEqual([{ task_identifier: "jobs.ping", payload: { note: "committed" } }]);
  });

  it("refuses a payload its job could never run, before anything is written", async () => {
    await expect(db().$transaction(async (tx) => enqueueJob(tx, "jobs.ping", { note: 42 } as never))).rejects.toThrow();
    expect(await jobs()).toEqual([]);
  });
});

describe("the worker", () => {
  it("runs a committed job, including one added before it started", async () => {
    const pings = await listen("claimtrail_jobs_ping");
    await db().$transaction(async (tx) => enqueueJob(tx, "jobs.ping", { note: "queued early" }));
    await worker();
    expect(await pings.next()).toBe("queued early");
    await db().$transaction(async (tx) => enqueueJob(tx, "jobs.ping", { note: "queued later" }));
    expect(await pings.next()).toBe("queued later");
    await expect.poll(jobs).toEqual([]);
  });

  it("drops a job whose payload does not parse, instead of retrying it forever", async () => {
    const pings = await listen("claimtrail_jobs_ping");
    await db().$executeRaw`SELECT graphile_worker.add_job('jobs.ping', '{"note": {"not": "text"}}'::json)`;
    await db().$transaction(async (tx) => enqueueJob(tx, "jobs.ping", { note: "after the bad one" }));
    await worker();
    expect(await pings.next()).toBe("after the bad one");
    await expect.poll(jobs).toEqual([]);
  });
});

describe("expiries sent by jobs", () => {
  it("reach a listening server when the job's transaction commits, and not when it rolls back", async () => {
    const heard: string[][] = [];
    const listener = listenForExpiry(url, async (tags) => {
      heard.push(tags);
    });
    stops.push(listener.stop);
    // The listener connects in the background: a first notification proves it is listening.
    await expect
      .poll(async () => {
        await db().$transaction(async (tx) => notifyExpired(tx, ["ready"]));
        return heard.length;
      })
      .toBeGreaterThan(0);

    await expect(
      db().$transaction(async (tx) => {
        await notifyExpired(tx, ["claim:rolled-back"]);
        throw new Error("the job's write failed");
      }),
    ).rejects.toThrow();
    await db().$transaction(async (tx) => notifyExpired(tx, ["claim:archived", "entity:1", "claim:archived"]));
    await expect.poll(() => heard.at(-1)).toEqual(["claim:archived", "entity:1"]);
    expect(heard.flat()).not.toContain("claim:rolled-back");
  });
});
