import { ApiProblem, jsonResponse, parseOrProblem, queryOf, readJsonBody } from "@/lib/api/http";
import { requireWriter } from "@/lib/api/auth";
import { readClaimList } from "@/lib/api/read";
import { apiRoute } from "@/lib/api/route";
import { asFormInput, ClaimCreateBodySchema, ClaimListQuerySchema, ClaimListSchema, CreatedClaimSchema } from "@/lib/api/schema";
import { createClaim } from "@/lib/claims/mutations";
import { findSimilarClaims } from "@/lib/claims/queries";
import { ClaimCreateSchema } from "@/lib/claims/schema";
import { siteConfig } from "@/lib/env";

// Published claims, most recently updated first, filtered and paged by cursor (docs/api.md).
export const GET = apiRoute(async (request: Request) => {
  const query = parseOrProblem(ClaimListQuerySchema, queryOf(request), "query");
  return jsonResponse(request, ClaimListSchema, await readClaimList(query), { caching: "reader" });
});

// Logs a claim for the newsroom's CMS: the desk's schema, permission, similar-claim check and
// mutation (history rows included). A new claim is a draft, so no reader page changes.
export const POST = apiRoute(
  async (request: Request, _context: unknown, caller) => {
    const actor = requireWriter(caller, "claim.create");
    const body = parseOrProblem(ClaimCreateBodySchema, await readJsonBody(request), "body");
    const input = parseOrProblem(ClaimCreateSchema, asFormInput(body), "body");
    if (!input.confirmNotDuplicate) {
      const similar = await findSimilarClaims(input.statement);
      if (similar.length > 0) {
        throw new ApiProblem(409, "Similar claims exist", "Send confirmNotDuplicate: true to log this claim anyway.", undefined, {}, similar.map(({ id, statement }) => ({ id, statement })));
      }
    }
    const claim = await createClaim(actor, input);
    const deskUrl = `${siteConfig().url}/desk/claims/${claim.id}`;
    return jsonResponse(
      request,
      CreatedClaimSchema,
      { id: claim.id, slug: claim.slug, status: "unverified", publication: "draft", deskUrl },
      { caching: "private", status: 201, headers: { Location: deskUrl } },
    );
  },
  { write: true },
);
