import "server-only";
import { apiTokenHash } from "@/lib/api-tokens/mutations";
import { db } from "@/lib/db";

/** Every token, newest first, for the admin's list: never the secret (only its first characters). */
export async function listApiTokens() {
  return db().apiToken.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      name: true,
      scope: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { name: true } },
      revokedBy: { select: { name: true } },
    },
  });
}

export type ApiTokenListItem = Awaited<ReturnType<typeof listApiTokens>>[number];

/** The token a secret belongs to, with its maker's standing; null for a secret we never gave out. */
export async function findApiToken(secret: string) {
  return db().apiToken.findUnique({
    where: { secretHash: apiTokenHash(secret) },
    select: { id: true, name: true, scope: true, revokedAt: true, createdBy: { select: { id: true, deactivatedAt: true } } },
  });
}
