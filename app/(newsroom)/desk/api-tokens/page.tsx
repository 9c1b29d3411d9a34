import type { Metadata } from "next";
import { CreateApiTokenForm, RevokeApiTokenForm } from "@/components/desk/api-token-forms";
import { DateTime } from "@/components/ui/date-time";
import { listApiTokens } from "@/lib/api-tokens/queries";
import { SCOPE_LABEL } from "@/lib/api-tokens/schema";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "API tokens" };

// Tokens for the newsroom's CMS and partners (docs/api.md). Admins only.
export default async function ApiTokensPage() {
  const viewer = await requirePagePermission("token.manage", "/desk/api-tokens");
  const tokens = await listApiTokens();
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">API tokens</h1>
      <p className="mt-2 max-w-prose text-sm text-muted">
        A token lets a program use the API at <a className="text-accent underline" href="/api/v1/docs">/api/v1</a>. It acts as you, with its scope as
        its role: <strong>Read</strong> only reads (with a rate limit of its own), <strong>Editor</strong> can also log claims and link evidence,{" "}
        <strong>Fact-checker</strong> can do what a fact-checker may. History shows its changes as yours, made through the token.
      </p>
      <section aria-labelledby="new-token" className="mt-6 rounded-lg border border-rule bg-white p-5">
        <h2 id="new-token" className="font-serif text-xl font-bold">
          Create a token
        </h2>
        <div className="mt-4">
          <CreateApiTokenForm />
        </div>
      </section>
      {tokens.length === 0 ? (
        <p className="mt-8 text-muted">No tokens yet.</p>
      ) : (
        <ul className="mt-8 divide-y divide-rule border-y border-rule" aria-label="API tokens">
          {tokens.map((token) => (
            <li key={token.id} className="space-y-2 py-4">
              <p>
                <span className="font-semibold">{token.name}</span> <span className="font-mono text-sm text-muted">{token.prefix}…</span>{" "}
                <span className="text-sm">· {SCOPE_LABEL[token.scope]}</span>
              </p>
              <p className="text-sm text-muted">
                Created by {token.createdBy.name} <DateTime value={token.createdAt} timeZone={viewer.timeZone} /> ·{" "}
                {token.lastUsedAt ? (
                  <>
                    last used <DateTime value={token.lastUsedAt} timeZone={viewer.timeZone} />
                  </>
                ) : (
                  "never used"
                )}
                {token.revokedAt ? (
                  <>
                    {" "}
                    · revoked by {token.revokedBy?.name} <DateTime value={token.revokedAt} timeZone={viewer.timeZone} />
                  </>
                ) : null}
              </p>
              {token.revokedAt ? null : <RevokeApiTokenForm id={token.id} name={token.name} />}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
