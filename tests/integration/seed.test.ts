import { verify } from "@node-rs/argon2";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { DEMO_ACCOUNTS, seedDemoData } from "@/prisma/seed";

async function counts() {
  const prisma = db();
  return {
    users: await prisma.user.count(),
    accounts: await prisma.account.count(),
    entities: await prisma.entity.count(),
    claims: await prisma.claim.count(),
    evidence: await prisma.evidence.count(),
    transitions: await prisma.statusTransition.count(),
  };
}

describe("seedDemoData", () => {
  it("tells the Trump–Putin story, ending in disputed on the strength of the Peskov denial", async () => {
    await seedDemoData(db());
    const claim = await db().claim.findUniqueOrThrow({
      where: { slug: "trump-spoke-with-putin" },
      select: {
        status: true,
        publication: true,
        evidence: {
          select: {
            stance: true,
            sourcing: true,
            derivation: true,
            outlet: { select: { name: true } },
            speaker: { select: { name: true } },
            derivedFrom: { select: { outlet: { select: { name: true } } } },
          },
        },
        transitions: {
          orderBy: { sequence: "asc" },
          select: { fromStatus: true, toStatus: true, cited: { select: { evidence: { select: { speaker: { select: { name: true } } } } } } },
        },
      },
    });
    expect(claim).toMatchObject({ status: "disputed", publication: "published" });

    const reports = claim.evidence.filter((item) => item.stance === "reports" && !item.derivation);
    expect(reports.map((item) => item.outlet?.name).sort()).toEqual(["Reuters", "The Washington Post"]);
    expect(reports.every((item) => item.sourcing === "anonymous")).toBe(true);
    expect(claim.evidence).toContainEqual(
      expect.objectContaining({ derivation: "republishes", outlet: { name: "CBC News" }, derivedFrom: { outlet: { name: "Reuters" } } }),
    );
    expect(claim.evidence).toContainEqual(
      expect.objectContaining({ stance: "denies", sourcing: "on_record", speaker: { name: "Dmitry Peskov" } }),
    );
    expect(claim.evidence).toContainEqual(expect.objectContaining({ stance: "declines_to_comment", speaker: { name: "Steven Cheung" } }));

    expect(claim.transitions.map((step) => [step.fromStatus, step.toStatus])).toEqual([
      [null, "unverified"],
      ["unverified", "disputed"],
    ]);
    expect(claim.transitions[1]?.cited.map((cite) => cite.evidence.speaker?.name)).toEqual(["Dmitry Peskov"]);
  });

  it("includes the rest of the story, in several statuses, some still drafts", async () => {
    await seedDemoData(db());
    const claims = await db().claim.findMany({ select: { status: true, publication: true } });
    expect(claims.length).toBeGreaterThanOrEqual(6);
    expect(new Set(claims.map((claim) => claim.status)).size).toBeGreaterThanOrEqual(4);
    expect(claims.some((claim) => claim.publication === "draft")).toBe(true);
  });

  it("creates a demo account per role whose password verifies against an Argon2id hash", async () => {
    await seedDemoData(db());
    for (const demo of DEMO_ACCOUNTS) {
      const user = await db().user.findUniqueOrThrow({
        where: { email: demo.email },
        select: { role: true, accounts: { select: { providerId: true, password: true } } },
      });
      expect(user.role).toBe(demo.role);
      const hash = user.accounts[0]?.password ?? "";
      expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      await expect(verify(hash, demo.password)).resolves.toBe(true);
      await expect(verify(hash, "wrong password")).resolves.toBe(false);
    }
  });

  it("refuses to run in production, where its published passwords would be a way in", async () => {
    vi.stubEnv("NODE_ENV", "production");
    try {
      await expect(seedDemoData(db())).rejects.toThrow(/never seeded when NODE_ENV=production/);
    } finally {
      vi.unstubAllEnvs();
    }
    await expect(db().user.count()).resolves.toBe(0);
  });

  it("is idempotent: a second run creates nothing and changes nothing", async () => {
    const first = await seedDemoData(db());
    const before = await counts();
    const second = await seedDemoData(db());
    expect(first.claimsCreated).toBeGreaterThan(0);
    expect(second).toEqual({ claimsCreated: 0, claimsSkipped: first.claimsCreated });
    expect(await counts()).toEqual(before);
  });
});
