import "server-only";
import type { Viewer } from "@/lib/auth/session";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditAction } from "@/lib/generated/prisma/enums";
import type { Changes } from "@/lib/audit/diff";

export type Tx = Prisma.TransactionClient;

/** Appends one entry to the edit history, inside the caller's transaction. */
export async function recordAudit(
  tx: Tx,
  viewer: Pick<Viewer, "id" | "role"> & { apiTokenId?: string },
  event: {
    action: AuditAction;
    claimId?: string;
    evidenceId?: string;
    entityId?: string;
    subjectUserId?: string;
    /** The token an api_token_* entry is about (a change made through the API names its token through `viewer`). */
    apiTokenId?: string;
    changes?: Changes;
  },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      action: event.action,
      actorId: viewer.id,
      actorRole: viewer.role,
      claimId: event.claimId,
      evidenceId: event.evidenceId,
      entityId: event.entityId,
      subjectUserId: event.subjectUserId,
      apiTokenId: viewer.apiTokenId ?? event.apiTokenId,
      changes: (event.changes ?? {}) as Prisma.InputJsonValue,
    },
  });
}
