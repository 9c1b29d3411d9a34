// Builders for test data, written straight to the test database. Each returns what tests need.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { PublicationState, Role, Stance, VerificationStatus } from "@/lib/generated/prisma/enums";
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
  options: { createdById: string; publication?: PublicationState; statement?: string; slug?: string; createdAt?: Date },
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
        createdAt: options.createdAt,
      },
      select: { id: true, slug: true },
    });
    await tx.statusTransition.create({
      data: {
        createdAt: options.createdAt,
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
  options: {
    claimId: string;
    createdById: string;
    stance?: Stance;
    headline?: string;
    outletId?: string;
    speakerId?: string;
    /** When it was linked (default now). */
    createdAt?: Date;
    /** Set to record it as removed. */
    removedAt?: Date;
  },
) {
  const evidence = await prisma.evidence.create({
    data: {
      claimId: options.claimId,
      url: `https://news.example/${randomUUID()}`,
      headline: options.headline ?? "A test report",
      sourcing: "anonymous",
      stance: options.stance ?? "reports",
      createdById: options.createdById,
      outletId: options.outletId,
      speakerId: options.speakerId,
      createdAt: options.createdAt,
      removedAt: options.removedAt,
      removedById: options.removedAt ? options.createdById : undefined,
    },
    select: { id: true },
  });
  await refreshReviewState(prisma, [options.claimId]);
  return evidence;
}

/**
 * Appends a status move to a claim's history at a chosen time, as a fact-checker would make it
 * (bypassing the workflow's checks, which have their own tests), and keeps the claim in step.
 */
export async function recordMove(
  prisma: PrismaClient,
  options: { claimId: string; actorId: string; toStatus: VerificationStatus; at: Date },
) {
  await prisma.$transaction(async (tx) => {
    const latest = await tx.statusTransition.findFirstOrThrow({
      where: { claimId: options.claimId },
      orderBy: { sequence: "desc" },
      select: { sequence: true, toStatus: true },
    });
    await tx.statusTransition.create({
      data: {
        claimId: options.claimId,
        sequence: latest.sequence + 1,
        fromStatus: latest.toStatus,
        toStatus: options.toStatus,
        actorId: options.actorId,
        actorRole: "fact_checker",
        rationale: "A test move.",
        createdAt: options.at,
      },
    });
    await tx.claim.update({ where: { id: options.claimId }, data: { status: options.toStatus, lastMovedAt: options.at } });
    await refreshReviewState(tx, [options.claimId]);
  });
}
