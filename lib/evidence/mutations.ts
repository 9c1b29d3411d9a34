import "server-only";
import { enqueueArchive } from "@/lib/archive/enqueue";
import { createdFields, diffFields } from "@/lib/audit/diff";
import { recordAudit, type Tx } from "@/lib/audit/mutations";
import { assertCan, type ChangeActor } from "@/lib/auth/permissions";
import { lockClaim } from "@/lib/claims/mutations";
import { db } from "@/lib/db";
import { createOrReuseEntity } from "@/lib/entities/mutations";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { refreshReviewState } from "@/lib/review/mutations";
import { hostOf, matchOutlet } from "@/lib/evidence/domain";
import type { EvidenceCreateInput, EvidenceRemoveInput, EvidenceUpdateInput } from "@/lib/evidence/schema";
import { wallClockToInstant } from "@/lib/time/wall-clock";
import { recordWebhookEvent } from "@/lib/webhooks/outbox";

type EvidenceFields = Omit<EvidenceCreateInput, "claimId">;

// PostgreSQL stores no year 0, and ISO strings past 9999 need an expanded year: the instant, once
// in UTC, keeps to the years a form can show.
const FIRST_INSTANT = new Date("0001-01-01T00:00:00Z").getTime();
const LAST_INSTANT = new Date("9999-12-31T23:59:59.999Z").getTime();

/** The publication time as the UTC instant to store, from the wall clock the editor entered in their zone. */
function publishedInstant(input: EvidenceFields): Date | null {
  if (!input.publishedAt) return null;
  const result = wallClockToInstant(input.publishedAt, input.publishedAtZone);
  if (!result.ok) {
    throw new InvalidInputError(
      result.reason === "nonexistent"
        ? `${input.publishedAt.replace("T", " ")} did not happen in ${input.publishedAtZone}: the clocks went forward past it. Enter the time they showed after the change.`
        : "Enter the date and time as shown",
      "publishedAt",
    );
  }
  const time = result.instant.getTime();
  if (time < FIRST_INSTANT || time > LAST_INSTANT) throw new InvalidInputError("Enter a year from 1 to 9999", "publishedAt");
  return result.instant;
}

async function resolveOutlet(tx: Tx, actor: ChangeActor, input: EvidenceFields): Promise<string> {
  if (input.outletId) {
    const outlet = await tx.entity.findFirst({
      where: { id: input.outletId, kind: "organisation", mergedIntoId: null },
      select: { id: true },
    });
    if (!outlet) throw new InvalidInputError("That outlet no longer exists. Choose again.", "outletId");
    return outlet.id;
  }
  if (input.newOutletName) {
    const domain = input.newOutletDomain ?? hostOf(input.url);
    const existing = domain ? await tx.entity.findUnique({ where: { domain }, select: { id: true, mergedIntoId: true } }) : null;
    if (existing) return existing.mergedIntoId ?? existing.id;
    const outlet = await createOrReuseEntity(
      tx,
      actor,
      {
        kind: "organisation",
        name: input.newOutletName,
        domain,
        description: input.newOutletDescription ?? "News outlet",
        affiliationId: input.newOutletAffiliationId,
      },
      { confirmed: input.confirmNewOutlet, field: "outletId", confirmField: "confirmNewOutlet" },
    );
    return outlet.id;
  }
  // Nothing chosen: the outlet whose domain the URL is on, if we know it.
  const outlets = await tx.entity.findMany({ where: { domain: { not: null }, mergedIntoId: null }, select: { id: true, domain: true } });
  const match = matchOutlet(input.url, outlets);
  if (!match) throw new InvalidInputError("Choose the outlet, or type its name to add it.", "outletId");
  return match.id;
}

async function resolveSpeaker(tx: Tx, actor: ChangeActor, input: EvidenceFields): Promise<string | null> {
  if (input.speakerId) {
    const speaker = await tx.entity.findFirst({ where: { id: input.speakerId, mergedIntoId: null }, select: { id: true } });
    if (!speaker) throw new InvalidInputError("That speaker no longer exists. Choose again.", "speakerId");
    return speaker.id;
  }
  if (!input.newSpeakerName) return null;
  const speaker = await createOrReuseEntity(
    tx,
    actor,
    {
      kind: input.newSpeakerKind,
      name: input.newSpeakerName,
      description: input.newSpeakerDescription,
      affiliationId: input.newSpeakerAffiliationId,
    },
    { confirmed: input.confirmNewSpeaker, field: "speakerId", confirmField: "confirmNewSpeaker" },
  );
  return speaker.id;
}

async function assertDerivedFromSameClaim(tx: Tx, claimId: string, derivedFromId: string | undefined, selfId?: string) {
  if (!derivedFromId) return;
  const original = await tx.evidence.findFirst({
    where: { id: derivedFromId, claimId, removedAt: null, NOT: selfId ? { id: selfId } : undefined },
    select: { id: true },
  });
  if (!original) {
    throw new InvalidInputError("Choose a piece of this claim's own evidence as the source it copies or cites.", "derivedFromId");
  }
  if (!selfId) return;
  // A piece cannot, through others, end up copying itself: that would make a copy look independent.
  const links = await tx.evidence.findMany({ where: { claimId }, select: { id: true, derivedFromId: true } });
  const next = new Map(links.map((link) => [link.id, link.derivedFromId]));
  const seen = new Set<string>();
  for (let current: string | null | undefined = derivedFromId; current && !seen.has(current); current = next.get(current)) {
    if (current === selfId) {
      throw new InvalidInputError("That evidence already copies or cites this one, directly or through others.", "derivedFromId");
    }
    seen.add(current);
  }
}

async function evidenceData(tx: Tx, actor: ChangeActor, claimId: string, input: EvidenceFields, selfId?: string) {
  const publishedAt = publishedInstant(input);
  await assertDerivedFromSameClaim(tx, claimId, input.derivedFromId, selfId);
  return {
    url: input.url,
    headline: input.headline,
    publishedAt,
    stance: input.stance,
    sourcing: input.sourcing,
    outletId: await resolveOutlet(tx, actor, input),
    speakerId: await resolveSpeaker(tx, actor, input),
    speakerDescription: input.speakerDescription ?? null,
    quote: input.quote,
    derivedFromId: input.derivedFromId ?? null,
    derivation: input.derivation ?? null,
  };
}

async function touchClaim(tx: Tx, claimId: string) {
  // Readers see "last updated" move; the claim's version does not, so an editor editing the
  // claim's own fields meanwhile gets no needless conflict.
  await tx.claim.update({ where: { id: claimId }, data: { updatedAt: new Date() } });
  // Every evidence change can make or unmake a suggested move, and "new since the last move".
  await refreshReviewState(tx, [claimId]);
}

export async function linkEvidence(actor: ChangeActor, input: EvidenceCreateInput): Promise<{ id: string }> {
  assertCan(actor, "evidence.link");
  return db().$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: input.claimId }, select: { id: true } });
    if (!claim) throw new NotFoundError("This claim no longer exists.");
    const data = await evidenceData(tx, actor, input.claimId, input);
    const evidence = await tx.evidence.create({
      data: { ...data, claimId: input.claimId, createdById: actor.id },
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "evidence_linked", claimId: input.claimId, evidenceId: evidence.id, changes: createdFields(data) });
    await touchClaim(tx, input.claimId);
    await recordWebhookEvent(tx, { type: "evidence.added", claimId: input.claimId, evidenceId: evidence.id });
    // The source is archived in the background; the job exists only if this link commits.
    await enqueueArchive(tx, evidence.id);
    return evidence;
  });
}

/** Loads evidence only through its claim, so an id from another claim is simply not found. */
async function loadForChange(tx: Tx, claimId: string, id: string, version: number) {
  const evidence = await tx.evidence.findFirst({
    where: { id, claimId },
    select: {
      id: true,
      version: true,
      removedAt: true,
      url: true,
      headline: true,
      publishedAt: true,
      stance: true,
      sourcing: true,
      outletId: true,
      speakerId: true,
      speakerDescription: true,
      quote: true,
      derivedFromId: true,
      derivation: true,
    },
  });
  if (!evidence) throw new NotFoundError("That evidence is not part of this claim.");
  if (evidence.removedAt) throw new ConflictError("This evidence was removed in the meantime.");
  if (evidence.version !== version) {
    throw new ConflictError("Someone else changed this evidence since you opened it. Reload to see their change, then try again.");
  }
  return evidence;
}

export async function updateEvidence(actor: ChangeActor, input: EvidenceUpdateInput): Promise<{ id: string }> {
  assertCan(actor, "evidence.update");
  return db().$transaction(async (tx) => {
    const before = await loadForChange(tx, input.claimId, input.id, input.version);
    const data = await evidenceData(tx, actor, input.claimId, input, input.id);
    const { count } = await tx.evidence.updateMany({
      where: { id: input.id, version: input.version, removedAt: null },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError("Someone else changed this evidence at the same moment. Reload and try again.");
    const changes = diffFields(before, data);
    if (Object.keys(changes).length > 0) {
      await recordAudit(tx, actor, { action: "evidence_updated", claimId: input.claimId, evidenceId: input.id, changes });
      await touchClaim(tx, input.claimId);
    }
    // A new address is a new source: archived like a newly linked one.
    if (before.url !== data.url) await enqueueArchive(tx, input.id);
    return { id: input.id };
  });
}

/** Removal is recorded, not forgotten: the row stays, marked removed, and the history says who. */
export async function removeEvidence(actor: ChangeActor, input: EvidenceRemoveInput): Promise<void> {
  assertCan(actor, "evidence.remove");
  await db().$transaction(async (tx) => {
    await lockClaim(tx, input.claimId);
    await loadForChange(tx, input.claimId, input.id, input.version);
    const claim = await tx.claim.findUnique({ where: { id: input.claimId }, select: { publication: true } });
    const live = await tx.evidence.count({ where: { claimId: input.claimId, removedAt: null } });
    if (claim?.publication === "published" && live <= 1) {
      throw new InvalidInputError("This is the published claim's only evidence. Link other evidence first, or unpublish the claim.");
    }
    const now = new Date();
    const { count } = await tx.evidence.updateMany({
      where: { id: input.id, version: input.version, removedAt: null },
      data: { removedAt: now, removedById: actor.id, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError("Someone else changed this evidence at the same moment. Reload and try again.");
    await recordAudit(tx, actor, {
      action: "evidence_removed",
      claimId: input.claimId,
      evidenceId: input.id,
      changes: { removedAt: { from: null, to: now.toISOString() } },
    });
    await touchClaim(tx, input.claimId);
    await recordWebhookEvent(tx, { type: "evidence.removed", claimId: input.claimId, evidenceId: input.id });
  });
}
