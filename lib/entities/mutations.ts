import "server-only";
import { createdFields, diffFields } from "@/lib/audit/diff";
import { recordAudit, type Tx } from "@/lib/audit/mutations";
import { assertCan, type ChangeActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { EntityCreateInput, EntityMergeInput, EntityUpdateInput } from "@/lib/entities/schema";
import { ConflictError, InvalidInputError, LookalikeError, NotFoundError } from "@/lib/errors";
import { entityLabel, LOOKALIKE_THRESHOLD } from "@/lib/entities/schema";
import { claimIdsInvolving, refreshReviewState } from "@/lib/review/mutations";
import type { EntityKind } from "@/lib/generated/prisma/enums";

/**
 * The live entity of `kind` named `name` but for case: a name typed into a form ("jane mayor")
 * reuses the entity that exists ("Jane Mayor"). Not Prisma's `equals` with `mode: "insensitive"`,
 * which is ILIKE: there "%" and "_" in a typed name are wildcards, and "J%" reused any J….
 */
export async function findEntityByName(tx: Tx, kind: EntityKind, name: string): Promise<{ id: string } | null> {
  const [found] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM entities
     WHERE kind = ${kind}::"EntityKind" AND "mergedIntoId" IS NULL AND lower(name) = lower(${name})
     ORDER BY id
     LIMIT 1`;
  return found ?? null;
}

/**
 * The live entity of `kind` whose name looks most like `name` (pg_trgm similarity at least
 * LOOKALIKE_THRESHOLD: "Dmitry Peskov" for "Dmitri Peskov"), or null. `%` (threshold 0.3 by
 * default) lets entities_name_trgm_idx find the candidates; the stricter threshold is checked on them.
 */
export async function findLookalike(tx: Tx, kind: EntityKind, name: string) {
  const [found] = await tx.$queryRaw<{ id: string; name: string; description: string; domain: string | null }[]>`
    SELECT id, name, description, domain FROM entities
     WHERE kind = ${kind}::"EntityKind" AND "mergedIntoId" IS NULL
       AND name % ${name} AND similarity(name, ${name}) >= ${LOOKALIKE_THRESHOLD}
     ORDER BY similarity(name, ${name}) DESC, name, id
     LIMIT 1`;
  return found ?? null;
}

async function assertAffiliation(tx: Tx, affiliationId: string | undefined, selfId?: string, field = "affiliationId") {
  if (!affiliationId) return;
  if (affiliationId === selfId) throw new InvalidInputError("An entity cannot be affiliated with itself.", field);
  const found = await tx.entity.findFirst({
    where: { id: affiliationId, kind: "organisation", mergedIntoId: null },
    select: { id: true },
  });
  if (!found) throw new InvalidInputError("Choose an existing organisation as the affiliation.", field);
}

/** A person or organisation typed into a form that picks entities (a claim's, a speaker, an outlet). */
export type NewEntity = {
  kind: EntityKind;
  name: string;
  description?: string;
  affiliationId?: string;
  domain?: string | null;
};

/**
 * Creates an entity typed into another form, inside that form's transaction (so a failure later
 * leaves no stray entity), with its audit row. A name that exists already but for case reuses that
 * entity. A name that only looks like an existing one ("Dmitri" for "Dmitry Peskov") is refused
 * with a LookalikeError naming it, on `field`, unless the editor confirmed it is someone else
 * (`confirmed`, the form's checkbox `confirmField`).
 */
export async function createOrReuseEntity(
  tx: Tx,
  actor: ChangeActor,
  entity: NewEntity,
  { confirmed, field, confirmField }: { confirmed: boolean; field: string; confirmField: string },
): Promise<{ id: string; created: boolean }> {
  const existing = await findEntityByName(tx, entity.kind, entity.name);
  if (existing) return { id: existing.id, created: false };
  await assertNotLookalike(tx, entity, { confirmed, field, confirmField });
  await assertAffiliation(tx, entity.affiliationId, undefined, field);
  const data = {
    kind: entity.kind,
    name: entity.name,
    description: entity.description ?? "",
    affiliationId: entity.affiliationId ?? null,
    domain: entity.kind === "organisation" ? (entity.domain ?? null) : null,
  };
  const created = await tx.entity.create({ data, select: { id: true } });
  await recordAudit(tx, actor, { action: "entity_created", entityId: created.id, changes: createdFields(data) });
  return { id: created.id, created: true };
}

async function assertNotLookalike(
  tx: Tx,
  entity: Pick<NewEntity, "kind" | "name">,
  { confirmed, field, confirmField }: { confirmed: boolean; field: string; confirmField: string },
) {
  if (confirmed) return;
  const lookalike = await findLookalike(tx, entity.kind, entity.name);
  if (!lookalike) return;
  throw new LookalikeError(
    `“${entity.name}” looks like ${entityLabel(lookalike)}, already on the desk. Choose that one, or confirm that “${entity.name}” is someone else.`,
    field,
    confirmField,
  );
}

async function assertDomainFree(tx: Tx, domain: string | undefined, selfId?: string) {
  if (!domain) return;
  const owner = await tx.entity.findUnique({ where: { domain }, select: { id: true, name: true } });
  if (owner && owner.id !== selfId) throw new InvalidInputError(`${owner.name} already has the domain ${domain}.`, "domain");
}

/** The columns an entity form sets; only organisations have a domain. */
function entityData(input: Omit<EntityCreateInput, "confirmNotDuplicate">) {
  return {
    kind: input.kind,
    name: input.name,
    description: input.description,
    affiliationId: input.affiliationId ?? null,
    domain: input.kind === "organisation" ? (input.domain ?? null) : null,
  };
}

export async function createEntity(actor: ChangeActor, input: EntityCreateInput): Promise<{ id: string }> {
  assertCan(actor, "entity.create");
  return db().$transaction(async (tx) => {
    await assertNotLookalike(tx, input, { confirmed: input.confirmNotDuplicate, field: "name", confirmField: "confirmNotDuplicate" });
    await assertAffiliation(tx, input.affiliationId);
    await assertDomainFree(tx, input.domain);
    const data = entityData(input);
    const entity = await tx.entity.create({ data, select: { id: true } });
    await recordAudit(tx, actor, { action: "entity_created", entityId: entity.id, changes: createdFields(data) });
    return entity;
  });
}

export async function updateEntity(actor: ChangeActor, input: EntityUpdateInput): Promise<{ id: string }> {
  assertCan(actor, "entity.update");
  return db().$transaction(async (tx) => {
    const before = await tx.entity.findFirst({
      where: { id: input.id, mergedIntoId: null },
      select: { kind: true, name: true, description: true, affiliationId: true, domain: true, updatedAt: true },
    });
    if (!before) throw new NotFoundError("This entity no longer exists (it may have been merged into another).");
    const stale = new ConflictError("Someone else changed this entity since you opened it. Reload to see their change, then try again.");
    if (before.updatedAt.toISOString() !== new Date(input.loadedAt).toISOString()) throw stale;
    await assertAffiliation(tx, input.affiliationId, input.id);
    await assertDomainFree(tx, input.domain, input.id);
    const data = entityData(input);
    const { count } = await tx.entity.updateMany({ where: { id: input.id, updatedAt: before.updatedAt }, data });
    if (count === 0) throw stale;
    const changes = diffFields(before, data);
    if (Object.keys(changes).length > 0) await recordAudit(tx, actor, { action: "entity_updated", entityId: input.id, changes });
    // A new name or affiliation changes whose denial speaks for a party, and a suggestion's reason.
    if (changes.affiliationId || changes.name || changes.description) await refreshReviewState(tx, await claimIdsInvolving(tx, [input.id]));
    return { id: input.id };
  });
}

/**
 * Merges a duplicate into the entity to keep: every claim, piece of evidence and affiliation that
 * pointed at the duplicate points at the kept one, and the duplicate is marked merged (kept, not
 * deleted, so history that names it still reads true).
 */
export async function mergeEntities(actor: ChangeActor, input: EntityMergeInput): Promise<{ id: string }> {
  assertCan(actor, "entity.merge");
  const { sourceId, targetId } = input;
  return db().$transaction(async (tx) => {
    // Lock both rows, in a fixed order so that two opposite merges cannot deadlock.
    await tx.$queryRaw`SELECT id FROM entities WHERE id IN (${sourceId}::uuid, ${targetId}::uuid) ORDER BY id FOR UPDATE`;
    const [source, target] = await Promise.all(
      [sourceId, targetId].map((id) =>
        tx.entity.findFirst({ where: { id, mergedIntoId: null }, select: { id: true, kind: true, name: true, domain: true } }),
      ),
    );
    if (!source || !target) throw new NotFoundError("One of these entities no longer exists or was already merged.");
    if (source.kind !== target.kind) throw new InvalidInputError("Only a person can be merged into a person, and an organisation into an organisation.", "targetId");

    await tx.claimEntity.deleteMany({ where: { entityId: sourceId, claim: { entities: { some: { entityId: targetId } } } } });
    const claims = await tx.claimEntity.updateMany({ where: { entityId: sourceId }, data: { entityId: targetId } });
    const outlets = await tx.evidence.updateMany({ where: { outletId: sourceId }, data: { outletId: targetId } });
    const speakers = await tx.evidence.updateMany({ where: { speakerId: sourceId }, data: { speakerId: targetId } });
    await tx.entity.updateMany({ where: { id: targetId, affiliationId: sourceId }, data: { affiliationId: null } });
    const affiliates = await tx.entity.updateMany({ where: { affiliationId: sourceId }, data: { affiliationId: targetId } });
    await tx.entity.updateMany({ where: { mergedIntoId: sourceId }, data: { mergedIntoId: targetId } });
    await tx.entity.update({ where: { id: sourceId }, data: { mergedIntoId: targetId, domain: null } });
    if (source.domain && !target.domain) await tx.entity.update({ where: { id: targetId }, data: { domain: source.domain } });

    const changes = {
      mergedInto: { from: null, to: target.name },
      claims: { from: null, to: claims.count },
      evidenceAsOutlet: { from: null, to: outlets.count },
      evidenceAsSpeaker: { from: null, to: speakers.count },
      affiliates: { from: null, to: affiliates.count },
    };
    await recordAudit(tx, actor, { action: "entity_merged", entityId: sourceId, changes });
    await recordAudit(tx, actor, { action: "entity_merged", entityId: targetId, changes: { mergedFrom: { from: null, to: source.name } } });
    await refreshReviewState(tx, await claimIdsInvolving(tx, [targetId]));
    return { id: targetId };
  });
}
