// Desk forms and sign-in while PostgreSQL is down, through the real actions, Better Auth and a
// PostgreSQL of this file's own that it stops and starts again (the shared test database is left
// alone). The input comes back, the message says what happened, and nothing is needed to recover.
import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signInAction } from "@/lib/auth/actions";
import { createClaimAction } from "@/lib/claims/actions";
import { db } from "@/lib/db";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { DATABASE_UNAVAILABLE_MESSAGE, noteDatabaseError } from "@/lib/db/unavailable";
import { ensureDatabase, type RunningPostgres, startEmbeddedPostgres } from "@/scripts/lib/embedded-postgres";
import { createAccountWithPassword, sessionCookieFor } from "@/tests/factories/sessions";
import { browser, submit } from "@/tests/setup/next-request";

vi.mock("next/headers", async () => (await import("@/tests/setup/next-request")).nextHeadersMock);
vi.mock("next/headers.js", async () => (await import("@/tests/setup/next-request")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("@/tests/setup/next-request")).nextCacheMock);

// lib/db.ts keeps its client on globalThis: this file points it (and Better Auth, created on first
// use in this file) at its own server, with the same error observer as the app's.
const holder = globalThis as unknown as { claimtrailPrisma?: PrismaClient };
const original = holder.claimtrailPrisma;
const dataDir = path.join(os.tmpdir(), `claimtrail-desk-outage-${randomUUID()}`);
let server: RunningPostgres;

beforeAll(async () => {
  server = await startEmbeddedPostgres({ dataDir, ephemeral: true });
  await ensureDatabase(server.url("postgres"), "claimtrail_desk_outage");
  await migrate(server.url("claimtrail_desk_outage"));
  holder.claimtrailPrisma = createPrismaClient(server.url("claimtrail_desk_outage"), { onDriverError: noteDatabaseError });
});

afterAll(async () => {
  await holder.claimtrailPrisma?.$disconnect();
  holder.claimtrailPrisma = original;
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("the desk while the database is down", () => {
  it("keeps a form's input and says the database is unreachable; sign-in says it is unavailable; both work once it is back", async () => {
    const account = await createAccountWithPassword("editor");
    const session = await sessionCookieFor(account);
    const input = { statement: `The outage ate my claim ${randomUUID()}`, context: "Typed while it was down.", tags: "outage, test" };

    await server.stop({ keepData: true });

    browser.clear();
    for (const [name, value] of session) browser.cookies.set(name, value);
    const { state } = await submit(createClaimAction, input);
    expect(state?.status).toBe("error");
    expect(state?.message).toBe(DATABASE_UNAVAILABLE_MESSAGE);
    expect(state?.values).toEqual(input);

    browser.clear();
    const signIn = await submit(signInAction, { email: account.email, password: account.password });
    expect(signIn.state?.message).toMatch(/^Signing in is unavailable right now: the database is unreachable/);
    expect(signIn.state?.values).toEqual({ email: account.email });

    server = await startEmbeddedPostgres({ dataDir, port: server.port, ephemeral: true });

    expect((await submit(signInAction, { email: account.email, password: account.password })).redirectedTo).toBe("/desk");
    const saved = await submit(createClaimAction, { ...input, confirmNotDuplicate: "on" });
    expect(saved.state?.status ?? "redirected").not.toBe("error");
    await expect(db().claim.count({ where: { statement: input.statement } })).resolves.toBe(1);
  });
});
