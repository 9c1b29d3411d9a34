// Builders for test data, written straight to the test database. Each returns what tests need.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { PublicationState, Role, Stance } from "@/lib/generated/prisma/enums";
import { refreshReviewState } from "@/lib/review/mutations";

export async function createUser(prisma: PrismaClient, role: Role = "editor") {
  return prisma.user.create({
    data: { name: `Test ${role}`, email: `${role}-${randomUUID()}@test.example`, role },
    select: { id: true, role: true },
  });
}

/** A claim with its first status transition (logged as unverified), as every claim has. */
export async function createClaim(
  prisma: PrismaClient,
  options: { createdById: string; publication?: PublicationState; statement?: string; slug?: string },
) {
  const publication = options.publication ?? "published";
  return prisma.$transaction(async (tx) => {
    const claim = await tx.claim.create({
      data: {
        slug: options.slug ?? `claim-${randomUUID().slice(0, 8)}`,
        statement: options.statement ?? "A test claim.",
        publication,
        publishedAt: publication === "published" ? new Date() : null,
        createdById: options.createdById,
      },
      select: { id: true, slug: true },
    });
    await tx.statusTransition.create({
      data: {
        claimId: claim.id,
        sequence: 1,
        toStatus: "unverified",
        actorId: options.createdById,
        actorRole: "editor",
        rationale: "Logged.",
      },
    });
    // As the app's own writes do, so the review queue sees factory-made claims.
    await refreshReviewState(tx, [claim.id]);
    return claim;
  });
}

export async function createEvidence(
  prisma: PrismaClient,
  options: { claimId: string; createdById: string; stance?: Stance; headline?: string },
) {
  const evidence = await prisma.evidence.create({
    data: {
      claimId: options.claimId,
      url: `https://news.example/${randomUUID()}`,
      headline: options.headline ?? "A test report",
      sourcing: "anonymous",
      stance: options.stance ?? "reports",
      createdById: options.createdById,
    },
    select: { id: true },
  });
  await refreshReviewState(prisma, [options.claimId]);
  return evidence;
}
