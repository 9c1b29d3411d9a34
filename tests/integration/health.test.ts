import { afterEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";

// lib/db.ts keeps its client on globalThis; swapping it simulates a database that went away.
const holder = globalThis as unknown as { claimtrailPrisma?: PrismaClient };
const original = holder.claimtrailPrisma;

afterEach(() => {
  holder.claimtrailPrisma = original;
});

describe("GET /api/health", () => {
  it("answers 200 when the database answers", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "reachable" });
  });

  it("answers 503, without the error's details, when the database is unreachable", async () => {
    holder.claimtrailPrisma = createPrismaClient("postgresql://app:secret@127.0.0.1:1/claimtrail");
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "unavailable", database: "unreachable" });
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("retry-after")).toBe("10");
  });
});
