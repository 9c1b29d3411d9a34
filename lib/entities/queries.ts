import "server-only";
import { db } from "@/lib/db";
import { escapeLike } from "@/lib/text";

/** Entities that have not been merged away, for pickers and the entity list. */
export async function listEntities({ q }: { q?: string } = {}) {
  const text = q?.trim();
  return db().entity.findMany({
    where: { mergedIntoId: null, name: text ? { contains: escapeLike(text), mode: "insensitive" } : undefined },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      name: true,
      description: true,
      domain: true,
      affiliation: { select: { name: true } },
      _count: { select: { claims: true, evidenceAsOutlet: true, evidenceAsSpeaker: true } },
    },
  });
}

export type EntityListItem = Awaited<ReturnType<typeof listEntities>>[number];

export async function getEntity(id: string) {
  return db().entity.findFirst({
    where: { id, mergedIntoId: null },
    select: { id: true, kind: true, name: true, description: true, domain: true, affiliationId: true, updatedAt: true },
  });
}
