import "server-only";
// The one step of intake that reads the database: proposed speakers and outlets matched to the
// desk's entities, and proposed claims to the claims they may duplicate. The same checks as the
// desk's forms: an exact name but for case (findEntityByName), else pg_trgm similarity at
// LOOKALIKE_THRESHOLD (findLookalike: "Dmitri Peskov" finds "Dmitry Peskov"), and the claim
// duplicate check of logging a claim (findSimilarClaims).
import { findSimilarClaims } from "@/lib/claims/queries";
import { db } from "@/lib/db";
import { entityLabel } from "@/lib/entities/schema";
import { findEntityByName, findLookalike } from "@/lib/entities/mutations";
import type { EntityKind } from "@/lib/generated/prisma/enums";
import type { Proposals } from "@/lib/intake/propose";

export type EntityMatch = { id: string; label: string; exact: boolean };
export type SimilarClaim = Awaited<ReturnType<typeof findSimilarClaims>>[number];

export type ProposalMatches = {
  /** By `${kind}:${name}`. */
  entities: Record<string, EntityMatch | null>;
  /** By claim proposal id. */
  similarClaims: Record<string, { id: string; statement: string; status: string; publication: string }[]>;
};

export function entityKey(kind: EntityKind, name: string): string {
  return `${kind}:${name}`;
}

async function matchEntity(kind: EntityKind, name: string): Promise<EntityMatch | null> {
  const exact = await findEntityByName(db(), kind, name);
  if (exact) {
    const entity = await db().entity.findUnique({ where: { id: exact.id }, select: { id: true, name: true, description: true, domain: true } });
    return entity ? { id: entity.id, label: entityLabel(entity), exact: true } : null;
  }
  const lookalike = await findLookalike(db(), kind, name);
  return lookalike ? { id: lookalike.id, label: entityLabel(lookalike), exact: false } : null;
}

/** Matches for every name and claim the proposals hold, plus the article's own outlet. */
export async function matchProposals(proposals: Proposals, articleOutlet: string | null): Promise<ProposalMatches> {
  const wanted = new Map<string, { kind: EntityKind; name: string }>();
  const want = (kind: EntityKind, name: string | null | undefined) => {
    if (name) wanted.set(entityKey(kind, name), { kind, name });
  };
  want("organisation", articleOutlet);
  for (const claim of proposals.claims) {
    for (const evidence of claim.evidence) {
      want("organisation", evidence.outlet);
      if (evidence.speaker) want(evidence.speaker.kind, evidence.speaker.name);
    }
  }
  const entities: ProposalMatches["entities"] = {};
  for (const [key, { kind, name }] of wanted) entities[key] = await matchEntity(kind, name);
  const similarClaims: ProposalMatches["similarClaims"] = {};
  for (const claim of proposals.claims) {
    similarClaims[claim.id] = (await findSimilarClaims(claim.statement)).map(({ id, statement, status, publication }) => ({ id, statement, status, publication }));
  }
  return { entities, similarClaims };
}
