import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { ApiTokenCreateInput, ApiTokenRevokeInput } from "@/lib/api-tokens/schema";
import { recordAudit } from "@/lib/audit/mutations";
import { assertCan, type ChangeActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";

/** SHA-256 of a secret, hex: a 256-bit random secret needs no slow hash. */
export const apiTokenHash = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** Makes a token and returns its secret, which is shown once to the admin and never stored. */
export async function createApiToken(actor: ChangeActor, input: ApiTokenCreateInput): Promise<{ id: string; secret: string }> {
  assertCan(actor, "token.manage");
  const secret = `ct_${randomBytes(32).toString("base64url")}`;
  return db().$transaction(async (tx) => {
    const token = await tx.apiToken.create({
      data: { name: input.name, scope: input.scope, prefix: secret.slice(0, 11), secretHash: apiTokenHash(secret), createdById: actor.id },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "api_token_created",
      apiTokenId: token.id,
      changes: { name: { from: null, to: input.name }, scope: { from: null, to: input.scope } },
    });
    return { id: token.id, secret };
  });
}

export async function revokeApiToken(actor: ChangeActor, input: ApiTokenRevokeInput): Promise<void> {
  assertCan(actor, "token.manage");
  await db().$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id: input.id }, select: { id: true, revokedAt: true } });
    if (!token) throw new NotFoundError("That token does not exist.");
    if (token.revokedAt) throw new ConflictError("That token was revoked already.");
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date(), revokedById: actor.id } });
    await recordAudit(tx, actor, { action: "api_token_revoked", apiTokenId: token.id });
  });
}

// "Last used" is written at most once a minute per token and process: a busy CMS does not turn
// every read into a write.
const LAST_USE_INTERVAL_MS = 60_000;
const lastRecorded = new Map<string, number>();

export async function recordApiTokenUse(id: string, now = Date.now()): Promise<void> {
  const previous = lastRecorded.get(id);
  if (previous !== undefined && now - previous < LAST_USE_INTERVAL_MS) return;
  lastRecorded.set(id, now);
  if (lastRecorded.size > 10_000) lastRecorded.clear();
  await db().apiToken.update({ where: { id }, data: { lastUsedAt: new Date(now) } });
}
