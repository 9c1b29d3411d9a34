// The reader pages' rows as PostgreSQL builds them in JSON (lib/claims/queries.ts), parsed back into
// what Prisma would have returned: enums checked, timestamps and dates as Date objects. A column
// renamed or a type changed fails here, loudly, rather than rendering `undefined`.
import { z } from "zod";
import { DatePrecision, Derivation, EntityKind, Role, Sourcing, Stance, VerificationStatus } from "@/lib/generated/prisma/enums";

/**
 * A Prisma DateTime column (`timestamp(3)`, UTC without a zone) as json_build_object writes it:
 * "2024-11-10T12:00:00.123". Anything with an offset is refused rather than misread.
 */
export const utcTimestamp = z.iso.datetime({ local: true }).transform((value) => new Date(`${value}Z`));
/** A `date` column ("2024-11-10"), as Prisma returns it: midnight UTC. */
export const utcDate = z.iso.date().transform((value) => new Date(`${value}T00:00:00Z`));

const uuid = z.string();
const status = z.enum(VerificationStatus);

export const EntitySummaryRow = z.object({ id: uuid, name: z.string(), kind: z.enum(EntityKind), description: z.string() });

export const PublishedEvidenceRow = z.object({
  id: uuid,
  url: z.string(),
  headline: z.string(),
  publishedAt: utcTimestamp.nullable(),
  sourcing: z.enum(Sourcing),
  stance: z.enum(Stance),
  quote: z.string(),
  speakerDescription: z.string().nullable(),
  derivation: z.enum(Derivation).nullable(),
  derivedFromId: uuid.nullable(),
  speakerId: uuid.nullable(),
  outlet: z.object({ id: uuid, name: z.string(), domain: z.string().nullable() }).nullable(),
  speaker: EntitySummaryRow.nullable(),
  /** The snapshot readers see as "archived copy" (docs/archive.md), once the source is archived. */
  archiveId: uuid.nullable(),
});

export const PublishedTransitionRow = z.object({
  id: uuid,
  sequence: z.number().int(),
  fromStatus: status.nullable(),
  toStatus: status,
  actorRole: z.enum(Role),
  rationale: z.string(),
  createdAt: utcTimestamp,
  cited: z.array(z.object({ evidence: z.object({ id: uuid, headline: z.string(), removedAt: utcTimestamp.nullable() }) })),
});

export const PublishedClaimRow = z.object({
  id: uuid,
  slug: z.string(),
  statement: z.string(),
  context: z.string(),
  eventDate: utcDate.nullable(),
  eventDatePrecision: z.enum(DatePrecision),
  tags: z.array(z.string()),
  status,
  publishedAt: utcTimestamp.nullable(),
  updatedAt: utcTimestamp,
  entities: z.array(z.object({ entity: EntitySummaryRow })),
  evidence: z.array(PublishedEvidenceRow),
  transitions: z.array(PublishedTransitionRow),
});

export const ClaimListItemRow = z.object({
  slug: z.string(),
  statement: z.string(),
  status,
  updatedAt: utcTimestamp,
  /** The latest move only. */
  transitions: z.array(z.object({ fromStatus: status.nullable(), toStatus: status, createdAt: utcTimestamp })),
  _count: z.object({ evidence: z.number().int() }),
});

export const ClaimListPageRow = z.object({ total: z.number().int(), claims: z.array(ClaimListItemRow) });

const IdName = z.object({ id: uuid, name: z.string() });

export const FilterOptionsRow = z.object({ tags: z.array(z.string()), entities: z.array(IdName), outlets: z.array(IdName) });

const EntityEvidenceRow = z.object({
  id: uuid,
  headline: z.string(),
  url: z.string(),
  stance: z.enum(Stance),
  sourcing: z.enum(Sourcing),
  publishedAt: utcTimestamp.nullable(),
  outlet: IdName.nullable(),
  speaker: IdName.nullable(),
  claim: z.object({ slug: z.string(), statement: z.string(), status }),
});

export const PublicEntityRow = z.object({
  entity: z.object({
    id: uuid,
    name: z.string(),
    kind: z.enum(EntityKind),
    description: z.string(),
    domain: z.string().nullable(),
    affiliation: IdName.nullable(),
  }),
  claims: z.array(ClaimListItemRow),
  published: z.array(EntityEvidenceRow),
  spoken: z.array(EntityEvidenceRow),
});
