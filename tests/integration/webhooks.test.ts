// Webhooks end to end against the real database, a real local HTTP receiver and the real job
// worker: the outbox writes each event with its change, the worker signs and delivers it, retries
// a receiver that is down, resumes after a stop, never holds up the desk, gives up after the
// window, and only admins reach the webhook actions. The delivery figures are printed at the end.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { setClaimPublication } from "@/lib/claims/mutations";
import { db } from "@/lib/db";
import { linkEvidence, removeEvidence } from "@/lib/evidence/mutations";
import { EvidenceCreateSchema } from "@/lib/evidence/schema";
import { startWorker } from "@/lib/jobs/worker";
import { transitionClaimStatus } from "@/lib/verification/mutations";
import {
  createWebhookEndpointAction,
  deleteWebhookEndpointAction,
  retryWebhookDeliveryAction,
  rotateWebhookSecretAction,
  setWebhookEndpointEnabledAction,
  updateWebhookEndpointAction,
} from "@/lib/webhooks/actions";
import { createWebhookEndpoint } from "@/lib/webhooks/mutations";
import { recordWebhookEvent } from "@/lib/webhooks/outbox";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType, WebhookPayloadSchema } from "@/lib/webhooks/schema";
import { createClaim, createEvidence, createUser } from "@/tests/factories";
import { actAs, type Persona } from "@/tests/factories/sessions";
import { submit } from "@/tests/setup/next-request";
import { snapshotTables } from "@/tests/setup/table-snapshot";

vi.mock("next/headers", async () => (await import("@/tests/setup/next-request")).nextHeadersMock);
vi.mock("next/headers.js", async () => (await import("@/tests/setup/next-request")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("@/tests/setup/next-request")).nextCacheMock);

const url = inject("databaseUrl");

// ---------------------------------------------------------------------------------------------
// A receiver on 127.0.0.1 (hence OUTBOUND_ALLOW_PRIVATE=1) that verifies what it gets.

type Received = { id: string; type: string; at: number; verified: boolean; answered: number };
type Mode = "ok" | "503" | "hold";

class Receiver {
  server = http.createServer((req, res) => this.handle(req, res));
  mode: Mode = "ok";
  requests: Received[] = [];
  held: (() => void)[] = [];
  secret = "";
  port = 0;

  async start(port = 0): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(port, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** Down: the port refuses connections until start(port) again. */
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  get url() {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  /** Events answered 2xx, by webhook-id. */
  get delivered(): Received[] {
    return this.requests.filter((request) => request.answered >= 200 && request.answered < 300);
  }

  releaseAll() {
    for (const release of this.held.splice(0)) release();
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let verified = false;
      try {
        new Webhook(this.secret).verify(body, req.headers as Record<string, string>);
        verified = WebhookPayloadSchema.safeParse(JSON.parse(body)).success;
      } catch {
        verified = false;
      }
      const parsed = JSON.parse(body) as { type: string };
      const record: Received = { id: String(req.headers["webhook-id"]), type: parsed.type, at: Date.now(), verified, answered: 0 };
      this.requests.push(record);
      const answer = (status: number) => {
        record.answered = status;
        res.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : "unavailable");
      };
      if (this.mode === "503") answer(503);
      else if (this.mode === "hold") this.held.push(() => answer(200));
      else answer(200);
    });
  }
}

// ---------------------------------------------------------------------------------------------

const stops: (() => Promise<void>)[] = [];
const env = { ...process.env };
beforeAll(() => {
  process.env.OUTBOUND_ALLOW_PRIVATE = "1";
  process.env.WEBHOOK_RETRY_BASE_MS = "40";
  process.env.WEBHOOK_RETRY_MAX_MS = "300";
});
afterAll(() => {
  for (const key of ["OUTBOUND_ALLOW_PRIVATE", "WEBHOOK_RETRY_BASE_MS", "WEBHOOK_RETRY_MAX_MS", "WEBHOOK_RETRY_WINDOW_MS"]) {
    if (env[key] === undefined) delete process.env[key];
    else process.env[key] = env[key];
  }
});
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
  delete process.env.WEBHOOK_RETRY_WINDOW_MS;
});

async function worker(): Promise<{ stop: () => Promise<void> }> {
  const runner = await startWorker({ connectionString: url, concurrency: 4, pollInterval: 100, tasks: ["webhook.deliver"], schedule: [] });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await runner.stop();
  };
  stops.push(stop);
  return { stop };
}

async function receiver(): Promise<Receiver> {
  const started = await new Receiver().start();
  stops.push(async () => {
    started.releaseAll();
    if (started.server.listening) await started.stop();
  });
  return started;
}

type Newsroom = {
  editor: { id: string; role: "editor" };
  checker: { id: string; role: "fact_checker" };
  admin: { id: string; role: "admin" };
  outletId: string;
};

async function newsroom(): Promise<Newsroom> {
  const editor = await createUser(db(), "editor");
  const checker = await createUser(db(), "fact_checker");
  const admin = await createUser(db(), "admin");
  const outlet = await db().entity.create({ data: { kind: "organisation", name: "City Paper", domain: "citypaper.example" }, select: { id: true } });
  return { editor: { id: editor.id, role: "editor" }, checker: { id: checker.id, role: "fact_checker" }, admin: { id: admin.id, role: "admin" }, outletId: outlet.id };
}

async function endpointFor(room: Newsroom, target: Receiver, events: readonly WebhookEventType[] = WEBHOOK_EVENT_TYPES) {
  const { id } = await createWebhookEndpoint(room.admin, { url: target.url, events: [...events], description: "test receiver" });
  const { secret } = await db().webhookEndpoint.findUniqueOrThrow({ where: { id }, select: { secret: true } });
  target.secret = secret;
  return id;
}

const version = async (claimId: string) => (await db().claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } })).version;

/** Every kind of event, through the desk's own mutations, on one new claim: six events. */
async function everyEvent(room: Newsroom, statement = "The mayor resigned on Monday.") {
  const claim = await createClaim(db(), { createdById: room.editor.id, publication: "draft", statement });
  const first = await createEvidence(db(), { claimId: claim.id, createdById: room.editor.id, outletId: room.outletId });
  await setClaimPublication(room.editor, { id: claim.id, version: await version(claim.id), publish: "publish" });
  await transitionClaimStatus(room.checker, {
    claimId: claim.id,
    fromStatus: "unverified",
    toStatus: "corroborated",
    rationale: "Two outlets say so.",
    citedEvidenceIds: [first.id],
  });
  const added = await linkEvidence(
    room.editor,
    EvidenceCreateSchema.parse({
      claimId: claim.id,
      url: `https://citypaper.example/${claim.slug}`,
      headline: "The mayor resigns",
      stance: "reports",
      sourcing: "on_record",
      outletId: room.outletId,
    }),
  );
  await removeEvidence(room.editor, { claimId: claim.id, id: added.id, version: 1 });
  await setClaimPublication(room.editor, { id: claim.id, version: await version(claim.id), publish: "unpublish" });
  return claim;
}

const EXPECTED_TYPES = ["claim.published", "claim.status_changed", "evidence.added", "evidence.removed", "claim.unpublished"];

/** Delivery jobs still queued (linking evidence also queues archive jobs, which this file's worker leaves alone). */
async function queuedJobs(): Promise<number> {
  const [row] = await db().$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count
      FROM graphile_worker._private_jobs job JOIN graphile_worker._private_tasks task ON task.id = job.task_id
     WHERE task.identifier = 'webhook.deliver'`;
  return Number(row?.count ?? 0);
}

async function settled(): Promise<boolean> {
  const open = await db().webhookDelivery.count({ where: { state: { in: ["pending", "failed"] } } });
  return open === 0 && (await queuedJobs()) === 0;
}

// ---------------------------------------------------------------------------------------------
// Delivery figures, printed once at the end for the closing note.

type Figures = { scenario: string; events: number; deliveries: number; attempts: number; duplicates: number; latencies: number[] };
const figures: Figures[] = [];

async function collect(scenario: string, targets: Receiver[]) {
  const events = await db().webhookEvent.findMany({ select: { id: true, occurredAt: true } });
  const occurred = new Map(events.map((event) => [event.id, event.occurredAt.getTime()]));
  const deliveries = await db().webhookDelivery.count();
  const attempts = await db().webhookAttempt.count();
  let duplicates = 0;
  const latencies: number[] = [];
  for (const target of targets) {
    const seen = new Set<string>();
    for (const request of target.delivered) {
      if (seen.has(request.id)) duplicates += 1;
      else {
        seen.add(request.id);
        const at = occurred.get(request.id);
        if (at !== undefined) latencies.push(request.at - at);
      }
    }
  }
  figures.push({ scenario, events: events.length, deliveries, attempts, duplicates, latencies });
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

afterAll(() => {
  const rows = figures.map((row) => ({
    scenario: row.scenario,
    events: row.events,
    deliveries: row.deliveries,
    attempts: row.attempts,
    "duplicates seen": row.duplicates,
    "p50 ms": Math.round(percentile(row.latencies, 50)),
    "p95 ms": Math.round(percentile(row.latencies, 95)),
  }));
  console.log("\nWebhook delivery figures (latency: event committed → receiver got it; retries at base 40 ms, cap 300 ms):");
  console.table(rows);
});

// ---------------------------------------------------------------------------------------------

let room: Newsroom;
beforeEach(async () => {
  room = await newsroom();
});

describe("delivery", () => {
  it("brings every event type to a subscribed receiver once, signed, and nothing to a receiver not subscribed to it", async () => {
    const all = await receiver();
    const claimsOnly = await receiver();
    await endpointFor(room, all);
    await endpointFor(room, claimsOnly, ["claim.published"]);
    await worker();
    const claim = await everyEvent(room);

    await expect.poll(settled, { timeout: 20_000 }).toBe(true);
    expect(all.delivered.map((request) => request.type)).toEqual(expect.arrayContaining(EXPECTED_TYPES));
    expect(all.requests).toHaveLength(EXPECTED_TYPES.length);
    expect(all.requests.every((request) => request.verified)).toBe(true);
    expect(new Set(all.requests.map((request) => request.id)).size).toBe(EXPECTED_TYPES.length);
    expect(claimsOnly.requests.map((request) => request.type)).toEqual(["claim.published"]);
    expect(claimsOnly.requests[0]?.verified).toBe(true);
    // The same event, to two endpoints, under the same webhook-id.
    expect(all.requests.map((request) => request.id)).toContain(claimsOnly.requests[0]?.id);

    const published = (await db().webhookEvent.findFirstOrThrow({ where: { type: "claim.published" }, select: { payload: true } })).payload as {
      data: { claim: { slug: string; url: string; status: string } };
    };
    expect(published.data.claim.slug).toBe(claim.slug);
    expect(published.data.claim.url).toMatch(new RegExp(`/claims/${claim.slug}$`));
    expect(await db().webhookDelivery.findMany({ select: { state: true, attempts: true, lastResponseCode: true } })).toEqual(
      Array(EXPECTED_TYPES.length + 1).fill({ state: "succeeded", attempts: 1, lastResponseCode: 200 }),
    );
    await collect("(a) every event type, 2 receivers", [all, claimsOnly]);
  });

  it("delivers everything to a receiver that was down for a while, under the same webhook-id on every attempt", async () => {
    const target = await receiver();
    await endpointFor(room, target);
    await target.stop(); // connection refused
    await worker();
    await everyEvent(room, "First claim while the receiver is down.");
    // Several attempts fail against the closed port.
    await expect.poll(async () => (await db().webhookAttempt.count({ where: { responseCode: null } })) >= 10, { timeout: 20_000 }).toBe(true);

    await target.start(target.port);
    target.mode = "503";
    await everyEvent(room, "Second claim while the receiver answers 503.");
    await expect.poll(() => target.requests.length >= 10, { timeout: 20_000 }).toBe(true);
    target.mode = "ok";

    await expect.poll(settled, { timeout: 30_000 }).toBe(true);
    const delivered = new Set(target.delivered.map((request) => request.id));
    const events = await db().webhookEvent.findMany({ select: { id: true } });
    expect(events).toHaveLength(2 * EXPECTED_TYPES.length);
    expect([...delivered].sort()).toEqual(events.map((event) => event.id).sort());
    // Every attempt at an event carried that event's id: each id the receiver saw is an event's.
    const ids = new Set(events.map((event) => event.id));
    expect(target.requests.every((request) => ids.has(request.id) && request.verified)).toBe(true);
    const deliveries = await db().webhookDelivery.findMany({ select: { state: true, attempts: true, _count: { select: { attemptLog: true } } } });
    expect(deliveries.every((delivery) => delivery.state === "succeeded" && delivery.attempts === delivery._count.attemptLog)).toBe(true);
    expect(deliveries.some((delivery) => delivery.attempts > 1)).toBe(true);
    await collect("(b) receiver down, then 503, then up", [target]);
  });

  it("lets a worker that starts later deliver everything written while none ran", async () => {
    const target = await receiver();
    await endpointFor(room, target);
    const first = await worker();
    await everyEvent(room, "Delivered by the first worker.");
    await expect.poll(settled, { timeout: 20_000 }).toBe(true);
    await first.stop();

    await everyEvent(room, "Written while no worker runs.");
    await everyEvent(room, "Also written while no worker runs.");
    expect(await db().webhookDelivery.count({ where: { state: "pending" } })).toBe(2 * EXPECTED_TYPES.length);
    expect(target.requests).toHaveLength(EXPECTED_TYPES.length);

    await worker();
    await expect.poll(settled, { timeout: 20_000 }).toBe(true);
    expect(target.delivered).toHaveLength(3 * EXPECTED_TYPES.length);
    expect(new Set(target.delivered.map((request) => request.id)).size).toBe(3 * EXPECTED_TYPES.length);
    await collect("(c) worker stopped, then resumed", [target]);
  });

  it("does not hold up the desk while a receiver keeps its request open", async () => {
    const target = await receiver();
    target.mode = "hold";
    await endpointFor(room, target);
    await worker();
    const claim = await createClaim(db(), { createdById: room.editor.id, publication: "draft" });
    const evidence = await createEvidence(db(), { claimId: claim.id, createdById: room.editor.id });
    await setClaimPublication(room.editor, { id: claim.id, version: await version(claim.id), publish: "publish" });
    await expect.poll(() => target.held.length, { timeout: 20_000 }).toBe(1);

    // The receiver still holds the first delivery while the desk's next writes commit.
    await transitionClaimStatus(room.checker, { claimId: claim.id, fromStatus: "unverified", toStatus: "corroborated", rationale: "Confirmed.", citedEvidenceIds: [evidence.id] });
    await linkEvidence(room.editor, EvidenceCreateSchema.parse({ claimId: claim.id, url: "https://citypaper.example/more", headline: "More", stance: "reports", sourcing: "on_record", outletId: room.outletId }));
    expect(target.requests[0]?.answered).toBe(0);
    expect(await db().claim.findUniqueOrThrow({ where: { id: claim.id }, select: { status: true } })).toEqual({ status: "corroborated" });
    expect(await db().webhookEvent.count()).toBe(3);

    target.mode = "ok";
    target.releaseAll();
    await expect.poll(async () => {
      target.releaseAll();
      return settled();
    }, { timeout: 20_000 }).toBe(true);
    expect(new Set(target.delivered.map((request) => request.id)).size).toBe(3);
  });

  it("gives up after the retry window", async () => {
    process.env.WEBHOOK_RETRY_WINDOW_MS = "400";
    const target = await receiver();
    target.mode = "503";
    await endpointFor(room, target, ["claim.published"]);
    await worker();
    const claim = await createClaim(db(), { createdById: room.editor.id, publication: "draft" });
    await createEvidence(db(), { claimId: claim.id, createdById: room.editor.id });
    await setClaimPublication(room.editor, { id: claim.id, version: await version(claim.id), publish: "publish" });

    await expect.poll(settled, { timeout: 20_000 }).toBe(true);
    const delivery = await db().webhookDelivery.findFirstOrThrow({
      select: { state: true, attempts: true, lastResponseCode: true, nextAttemptAt: true, attemptLog: { select: { attemptedAt: true } } },
    });
    expect(delivery).toMatchObject({ state: "gave_up", lastResponseCode: 503, nextAttemptAt: null });
    expect(delivery.attempts).toBeGreaterThan(1);
    expect(delivery.attemptLog).toHaveLength(delivery.attempts);
    expect(new Set(target.requests.map((request) => request.id)).size).toBe(1);
  });

  it("stops the waiting deliveries of an endpoint that is disabled", async () => {
    const target = await receiver();
    target.mode = "503";
    const endpointId = await endpointFor(room, target, ["claim.published"]);
    await worker();
    const claim = await createClaim(db(), { createdById: room.editor.id, publication: "draft" });
    await createEvidence(db(), { claimId: claim.id, createdById: room.editor.id });
    await setClaimPublication(room.editor, { id: claim.id, version: await version(claim.id), publish: "publish" });
    await expect.poll(() => target.requests.length >= 2, { timeout: 20_000 }).toBe(true);

    await actAs("admin");
    const outcome = await submit(setWebhookEndpointEnabledAction, { id: endpointId, version: "1", enabled: "disable" });
    expect(outcome.state?.status).toBe("success");
    await expect.poll(settled, { timeout: 20_000 }).toBe(true);
    const seen = target.requests.length;
    expect(await db().webhookDelivery.findFirstOrThrow({ select: { state: true } })).toEqual({ state: "gave_up" });
    // A new event is not even recorded for it.
    await setClaimPublication(room.editor, { id: claim.id, version: await version(claim.id), publish: "unpublish" });
    expect(await db().webhookDelivery.count()).toBe(1);
    expect(target.requests.length).toBe(seen);
  });

  it("retries a delivery at once when an admin asks, under the same webhook-id", async () => {
    const target = await receiver();
    target.mode = "503";
    process.env.WEBHOOK_RETRY_WINDOW_MS = "1";
    const endpointId = await endpointFor(room, target, ["claim.published"]);
    await worker();
    const claim = await createClaim(db(), { createdById: room.editor.id, publication: "draft" });
    await createEvidence(db(), { claimId: claim.id, createdById: room.editor.id });
    await setClaimPublication(room.editor, { id: claim.id, version: await version(claim.id), publish: "publish" });
    await expect.poll(settled, { timeout: 20_000 }).toBe(true);
    const delivery = await db().webhookDelivery.findFirstOrThrow({ select: { id: true, state: true } });
    expect(delivery.state).toBe("gave_up");

    target.mode = "ok";
    await actAs("admin");
    expect((await submit(retryWebhookDeliveryAction, { endpointId, deliveryId: delivery.id })).state?.status).toBe("success");
    await expect.poll(settled, { timeout: 20_000 }).toBe(true);
    expect(await db().webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id }, select: { state: true } })).toEqual({ state: "succeeded" });
    expect(new Set(target.requests.map((request) => request.id)).size).toBe(1);
    expect(target.delivered).toHaveLength(1);
  });
});

describe("the outbox", () => {
  it("leaves no event, delivery or job behind a write that rolls back", async () => {
    const target = await receiver();
    await endpointFor(room, target);
    const claim = await createClaim(db(), { createdById: room.editor.id, publication: "draft" });
    await expect(
      db().$transaction(async (tx) => {
        await tx.claim.update({ where: { id: claim.id }, data: { publication: "published", publishedAt: new Date() } });
        expect(await recordWebhookEvent(tx, { type: "claim.published", claimId: claim.id })).not.toBeNull();
        throw new Error("the write failed after its event");
      }),
    ).rejects.toThrow("the write failed after its event");
    // A mutation refused by its own checks (no evidence yet) announces nothing either.
    await expect(setClaimPublication(room.editor, { id: claim.id, version: 1, publish: "publish" })).rejects.toThrow();
    expect(await db().webhookEvent.count()).toBe(0);
    expect(await db().webhookDelivery.count()).toBe(0);
    expect(await queuedJobs()).toBe(0);
  });

  it("announces a draft claim's status moves and evidence to nobody", async () => {
    const target = await receiver();
    await endpointFor(room, target);
    const claim = await createClaim(db(), { createdById: room.editor.id, publication: "draft" });
    const evidence = await createEvidence(db(), { claimId: claim.id, createdById: room.editor.id });
    await transitionClaimStatus(room.checker, { claimId: claim.id, fromStatus: "unverified", toStatus: "corroborated", rationale: "Seen.", citedEvidenceIds: [evidence.id] });
    await linkEvidence(room.editor, EvidenceCreateSchema.parse({ claimId: claim.id, url: "https://citypaper.example/x", headline: "X", stance: "reports", sourcing: "on_record", outletId: room.outletId }));
    expect(await db().webhookEvent.count()).toBe(0);
  });
});

describe("authorization", () => {
  const PERSONAS: Persona[] = ["anonymous", "editor", "fact_checker", "deactivated", "admin"];

  async function fixture() {
    const target = await receiver();
    const endpointId = await endpointFor(room, target, ["claim.published"]);
    const claim = await createClaim(db(), { createdById: room.editor.id, publication: "draft" });
    await createEvidence(db(), { claimId: claim.id, createdById: room.editor.id });
    await setClaimPublication(room.editor, { id: claim.id, version: 1, publish: "publish" });
    const delivery = await db().webhookDelivery.findFirstOrThrow({ select: { id: true } });
    return { endpointId, deliveryId: delivery.id, url: target.url };
  }

  type Fields = Awaited<ReturnType<typeof fixture>>;
  const CASES: { name: string; action: (state: never, form: FormData) => Promise<unknown>; fields: (f: Fields) => Record<string, string | string[]> }[] = [
    { name: "create an endpoint", action: createWebhookEndpointAction, fields: (f) => ({ url: f.url, description: "", events: ["claim.published", "evidence.added"] }) },
    { name: "edit an endpoint", action: updateWebhookEndpointAction, fields: (f) => ({ id: f.endpointId, version: "1", url: f.url, events: "claim.unpublished", enabled: "on" }) },
    { name: "disable an endpoint", action: setWebhookEndpointEnabledAction, fields: (f) => ({ id: f.endpointId, version: "1", enabled: "disable" }) },
    { name: "rotate the secret", action: rotateWebhookSecretAction, fields: (f) => ({ id: f.endpointId, version: "1" }) },
    { name: "delete an endpoint", action: deleteWebhookEndpointAction, fields: (f) => ({ id: f.endpointId, version: "1", confirm: "delete" }) },
    { name: "retry a delivery", action: retryWebhookDeliveryAction, fields: (f) => ({ endpointId: f.endpointId, deliveryId: f.deliveryId }) },
  ];

  describe.each(CASES)("$name", ({ action, fields }) => {
    it.each(PERSONAS)("as %s", async (persona) => {
      const f = await fixture();
      await actAs(persona);
      const before = await snapshotTables();
      const jobsBefore = await queuedJobs();
      const outcome = await submit(action as never, fields(f));
      const state = outcome.state as { status?: string; message?: string } | undefined;
      if (persona === "admin") {
        expect(state?.status ?? "redirected", JSON.stringify(state)).not.toBe("error");
        expect(await snapshotTables()).not.toEqual(before);
      } else {
        expect(outcome.redirectedTo).toBeUndefined();
        expect(state?.status).toBe("error");
        expect(state?.message).toMatch(persona === "anonymous" || persona === "deactivated" ? /signed out/ : /role does not allow/);
        expect(await snapshotTables()).toEqual(before);
        expect(await queuedJobs()).toBe(jobsBefore);
      }
    });
  });

  it("refuses a private address at registration unless private addresses are allowed, keeping the input", async () => {
    await actAs("admin");
    delete process.env.OUTBOUND_ALLOW_PRIVATE;
    try {
      const refused = await submit(createWebhookEndpointAction, { url: "http://127.0.0.1:9/hooks", description: "Local", events: ["claim.published", "evidence.added"] });
      expect(refused.state?.status).toBe("error");
      expect(refused.state?.fieldErrors?.url?.join(" ")).toMatch(/private, loopback or link-local/);
      expect(refused.state?.values).toEqual({ url: "http://127.0.0.1:9/hooks", description: "Local", events: ["claim.published", "evidence.added"] });
      const metadata = await submit(createWebhookEndpointAction, { url: "http://169.254.169.254/latest", events: "claim.published" });
      expect(metadata.state?.fieldErrors?.url).toBeDefined();
      const ftp = await submit(createWebhookEndpointAction, { url: "ftp://example.org/x", events: "claim.published" });
      expect(ftp.state?.fieldErrors?.url?.join(" ")).toMatch(/https:\/\//);
      const none = await submit(createWebhookEndpointAction, { url: "https://example.org/x" });
      expect(none.state?.fieldErrors?.events).toBeDefined();
      const unstorable = await submit(createWebhookEndpointAction, { url: "https://example.org/x", description: "CMS\u0000", events: "claim.published" });
      expect(unstorable.state?.fieldErrors?.description?.join(" ")).toMatch(/cannot store/);
      const unknown = await submit(createWebhookEndpointAction, { url: "https://example.org/x", events: ["claim.published", "claim.deleted"] });
      expect(unknown.state?.fieldErrors?.events).toBeDefined();
      expect(await db().webhookEndpoint.count()).toBe(0);
    } finally {
      process.env.OUTBOUND_ALLOW_PRIVATE = "1";
    }
    const allowed = await submit(createWebhookEndpointAction, { url: "http://127.0.0.1:9/hooks", events: "claim.published" });
    expect(allowed.redirectedTo).toMatch(/^\/desk\/webhooks\/[0-9a-f-]+\?created=1$/);
    expect(await db().webhookEndpoint.findFirstOrThrow({ select: { secret: true } })).toEqual({ secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/) });
  });
});
