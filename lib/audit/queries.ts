import "server-only";
import { db } from "@/lib/db";

/** A claim's edit history (the claim, its evidence), newest first. */
export async function listClaimEdits(claimId: string) {
  return db().auditEvent.findMany({
    where: { claimId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      action: true,
      actorRole: true,
      changes: true,
      createdAt: true,
      actor: { select: { name: true } },
      /** Set when the change came through the API with this token. */
      apiToken: { select: { name: true } },
      evidence: { select: { headline: true } },
    },
  });
}

export type ClaimEdit = Awaited<ReturnType<typeof listClaimEdits>>[number];
