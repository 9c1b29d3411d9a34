// Who is calling the partner API (docs/api.md): nobody in particular (reads are public), or the
// holder of an API token made by an admin on the desk. A token acts as that admin, with its scope
// as the role (a read token has none), and names itself in every history entry it causes.
import "server-only";
import { ApiProblem } from "@/lib/api/http";
import { recordApiTokenUse } from "@/lib/api-tokens/mutations";
import { findApiToken } from "@/lib/api-tokens/queries";
import { API_TOKEN_PATTERN, type ApiTokenScopeName } from "@/lib/api-tokens/schema";
import { clientAddress } from "@/lib/auth/client-address";
import { can, type ChangeActor, type Permission } from "@/lib/auth/permissions";

export type ApiCaller =
  | { kind: "anonymous"; address: string }
  | { kind: "token"; address: string; tokenId: string; scope: ApiTokenScopeName; actor: ChangeActor | null };

const CHALLENGE = { "WWW-Authenticate": 'Bearer realm="claimtrail"' };

function unauthorized(detail: string): ApiProblem {
  return new ApiProblem(401, "Unauthorized", detail, undefined, CHALLENGE);
}

/**
 * The caller of `request`. A request without Authorization is anonymous; one with a header that
 * is not a valid, live token is refused (401), never served as anonymous, so that a revoked
 * token is noticed at once.
 */
export async function apiCaller(request: Request): Promise<ApiCaller> {
  const address = clientAddress(request.headers);
  const header = request.headers.get("authorization");
  if (header === null) return { kind: "anonymous", address };
  const secret = /^Bearer +(\S+)$/i.exec(header.trim())?.[1];
  if (!secret) throw unauthorized("Send the token as Authorization: Bearer ct_….");
  if (!API_TOKEN_PATTERN.test(secret)) throw unauthorized("That is not an API token.");
  const token = await findApiToken(secret);
  if (!token || token.revokedAt || token.createdBy.deactivatedAt) {
    throw unauthorized("That token is not valid: it may have been revoked, or the admin who made it deactivated.");
  }
  await recordApiTokenUse(token.id);
  const actor: ChangeActor | null = token.scope === "read" ? null : { id: token.createdBy.id, role: token.scope, apiTokenId: token.id };
  return { kind: "token", address, tokenId: token.id, scope: token.scope, actor };
}

/** The actor for a write that needs `permission`: 401 without a token, 403 when its scope does not allow it. */
export function requireWriter(caller: ApiCaller, permission: Permission): ChangeActor {
  if (caller.kind === "anonymous") throw unauthorized("Writing needs an API token.");
  if (!caller.actor || !can(caller.actor, permission)) {
    throw new ApiProblem(403, "Forbidden", `A token with the ${caller.scope.replace("_", "-")} scope may not do this.`);
  }
  return caller.actor;
}
