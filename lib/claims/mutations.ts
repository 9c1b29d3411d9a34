import "server-only";
import { createdFields, diffFields } from "@/lib/audit/diff";
import { recordAudit, type Tx } from "@/lib/audit/mutations";
import { assertCan, type ChangeActor } from "@/lib/auth/permissions";
import type { ClaimCreateInput, ClaimPublicationInput, ClaimUpdateInput } from "@/lib/claims/schema";
import { firstFreeSlug, slugify } from "@/lib/claims/slug";
import { db } from "@/lib/db";
import { createOrReuseEntity, type NewEntity } from "@/lib/entities/mutations";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { refreshReviewState } from "@/lib/review/mutations";
import { recordWebhookEvent } from "@/lib/webhooks/outbox";

/** Locks a claim's row until the transaction ends (writes that check the claim's state). */
export async function lockClaim(tx: Tx, claimId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM claims WHERE id = ${claimId}::uuid FOR UPDATE`;
}

type EntityChoice = Pick<
  ClaimCreateInput,
  "entityIds" | "newPeople" | "newOrganisations" | "newEntityName" | "newEntityKind" | "newEntityDescription" | "newEntityAffiliationId" | "confirmNewEntities"
>;

/** The new entities of the claim form's picker: its four parallel fields, zipped. */
function newEntitiesOf(choice: EntityChoice): NewEntity[] {
  const { newEntityName: names, newEntityKind: kinds, newEntityDescription: descriptions, newEntityAffiliationId: affiliations } = choice;
  if (kinds.length !== names.length || descriptions.length !== names.length || affiliations.length !== names.length) {
    throw new InvalidInputError("The new people and organisations arrived incomplete. Add them again.", "entityIds");
  }
  return names.map((name, index) => ({
    name,
    kind: kinds[index]!,
    description: descriptions[index],
    affiliationId: affiliations[index] || undefined,
  }));
}

/**
 * The entity ids a claim should point at: the chosen ones (which must exist and not have been
 * merged away) plus those typed as new names, reusing an entity of the same name and kind.
 */
async function resolveEntities(tx: Tx, actor: ChangeActor, choice: EntityChoice): Promise<string[]> {
  const chosen = [...new Set(choice.entityIds)];
  const found = await tx.entity.findMany({ where: { id: { in: chosen }, mergedIntoId: null }, select: { id: true } });
  if (found.length !== chosen.length) {
    throw new InvalidInputError("One of the chosen people or organisations no longer exists. Choose again.", "entityIds");
  }
  const ids = new Set(chosen);
  const typed: NewEntity[] = [
    ...newEntitiesOf(choice),
    ...choice.newPeople.map((name) => ({ name, kind: "person" as const })),
    ...choice.newOrganisations.map((name) => ({ name, kind: "organisation" as const })),
  ];
  for (const entity of typed) {
    const { id } = await createOrReuseEntity(tx, actor, entity, {
      confirmed: choice.confirmNewEntities,
      field: "entityIds",
      confirmField: "confirmNewEntities",
    });
    ids.add(id);
  }
  return [...ids];
}

function claimFields(input: ClaimCreateInput | ClaimUpdateInput) {
  return {
    statement: input.statement,
    context: input.context,
    eventDate: input.eventDate ? new Date(`${input.eventDate}T00:00:00Z`) : null,
    eventDatePrecision: input.eventDatePrecision,
    tags: input.tags,
  };
}

/** Logs a claim as a draft, unverified, with its first status transition and its history entry. */
export async function createClaim(actor: ChangeActor, input: ClaimCreateInput): Promise<{ id: string; slug: string }> {
  assertCan(actor, "claim.create");
  return db().$transaction(async (tx) => {
    const entityIds = await resolveEntities(tx, actor, input);
    const base = slugify(input.statement);
    const taken = await tx.claim.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
    const slug = firstFreeSlug(base, new Set(taken.map((claim) => claim.slug)));
    const fields = claimFields(input);
    const claim = await tx.claim.create({
      data: { ...fields, slug, createdById: actor.id, entities: { create: entityIds.map((entityId) => ({ entityId })) } },
      select: { id: true, slug: true },
    });
    await tx.statusTransition.create({
      data: { claimId: claim.id, sequence: 1, toStatus: "unverified", actorId: actor.id, actorRole: actor.role, rationale: "Logged." },
    });
    await recordAudit(tx, actor, {
      action: "claim_created",
      claimId: claim.id,
      changes: createdFields({ ...fields, slug, entityIds }),
    });
    await refreshReviewState(tx, [claim.id]);
    return claim;
  });
}

/** What the edit form shows for a saved claim, for the conflict view. */
function formView(claim: {
  statement: string;
  context: string;
  eventDate: Date | null;
  eventDatePrecision: string;
  tags: string[];
  entities: { entity: { name: string } }[];
}): Record<string, string> {
  return {
    statement: claim.statement,
    context: claim.context,
    eventDate: claim.eventDate?.toISOString().slice(0, 10) ?? "",
    eventDatePrecision: claim.eventDatePrecision,
    tags: claim.tags.join(", "),
    entities: claim.entities.map(({ entity }) => entity.name).join(", "),
  };
}

const CLAIM_FOR_EDIT = {
  id: true,
  version: true,
  statement: true,
  context: true,
  eventDate: true,
  eventDatePrecision: true,
  tags: true,
  entities: { select: { entityId: true, entity: { select: { name: true } } } },
} as const;

async function conflictFor(tx: Tx, id: string): Promise<ConflictError | NotFoundError> {
  const current = await tx.claim.findUnique({ where: { id }, select: CLAIM_FOR_EDIT });
  if (!current) return new NotFoundError("This claim no longer exists.");
  return new ConflictError(
    "Someone else saved this claim while you were editing. Your changes are kept below, next to what is saved now; save again to replace it with yours.",
    { version: current.version, values: formView(current) },
  );
}

/**
 * Saves an edit made from `input.version`. If the claim moved on since, nothing is written and a
 * ConflictError carries what is saved now: no field is ever silently overwritten.
 */
export async function updateClaim(actor: ChangeActor, input: ClaimUpdateInput): Promise<{ id: string; slug: string }> {
  assertCan(actor, "claim.update");
  return db().$transaction(async (tx) => {
    const before = await tx.claim.findUnique({ where: { id: input.id }, select: { ...CLAIM_FOR_EDIT, slug: true } });
    if (!before) throw new NotFoundError("This claim no longer exists.");
    if (before.version !== input.version) throw await conflictFor(tx, input.id);

    const entityIds = await resolveEntities(tx, actor, input);
    const fields = claimFields(input);
    const { count } = await tx.claim.updateMany({
      where: { id: input.id, version: input.version },
      data: { ...fields, version: { increment: 1 } },
    });
    if (count === 0) throw await conflictFor(tx, input.id);

    const beforeEntityIds = before.entities.map((link) => link.entityId);
    await tx.claimEntity.deleteMany({ where: { claimId: input.id, entityId: { notIn: entityIds } } });
    await tx.claimEntity.createMany({
      data: entityIds.filter((id) => !beforeEntityIds.includes(id)).map((entityId) => ({ claimId: input.id, entityId })),
    });
    const changes = diffFields({ ...before, entityIds: beforeEntityIds }, { ...fields, entityIds });
    if (Object.keys(changes).length > 0) {
      await recordAudit(tx, actor, { action: "claim_updated", claimId: input.id, changes });
    }
    // Who the claim is about decides whose denial counts as a party's.
    await refreshReviewState(tx, [input.id]);
    return { id: before.id, slug: before.slug };
  });
}

/** Publishes or unpublishes a claim. A claim with no live evidence cannot be published. */
export async function setClaimPublication(actor: ChangeActor, input: ClaimPublicationInput): Promise<{ slug: string }> {
  assertCan(actor, "claim.publish");
  const publish = input.publish === "publish";
  return db().$transaction(async (tx) => {
    // Locked, so that evidence cannot be removed between counting it and publishing.
    await lockClaim(tx, input.id);
    const claim = await tx.claim.findUnique({
      where: { id: input.id },
      select: { slug: true, version: true, publication: true, publishedAt: true },
    });
    if (!claim) throw new NotFoundError("This claim no longer exists.");
    if (claim.version !== input.version) {
      throw new ConflictError("Someone else changed this claim since you opened it. Reload the page and try again.");
    }
    if (publish && (await tx.evidence.count({ where: { claimId: input.id, removedAt: null } })) === 0) {
      throw new InvalidInputError("Link at least one piece of evidence before publishing this claim.");
    }
    if (claim.publication === (publish ? "published" : "draft")) return { slug: claim.slug };
    const { count } = await tx.claim.updateMany({
      where: { id: input.id, version: input.version },
      data: {
        publication: publish ? "published" : "draft",
        publishedAt: publish ? (claim.publishedAt ?? new Date()) : claim.publishedAt,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new ConflictError("Someone else changed this claim at the same moment. Reload the page and try again.");
    await recordAudit(tx, actor, {
      action: publish ? "claim_published" : "claim_unpublished",
      claimId: input.id,
      changes: { publication: { from: claim.publication, to: publish ? "published" : "draft" } },
    });
    await recordWebhookEvent(tx, { type: publish ? "claim.published" : "claim.unpublished", claimId: input.id });
    return { slug: claim.slug };
  });
}
