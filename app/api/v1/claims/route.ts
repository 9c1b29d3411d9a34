import { apiRoute, jsonResponse, parseOrProblem, queryOf } from "@/lib/api/http";
import { readClaimList } from "@/lib/api/read";
import { ClaimListQuerySchema, ClaimListSchema } from "@/lib/api/schema";

// Published claims, most recently updated first, filtered and paged by cursor (docs/api.md).
export const GET = apiRoute(async (request: Request) => {
  const query = parseOrProblem(ClaimListQuerySchema, queryOf(request), "query");
  return jsonResponse(request, ClaimListSchema, await readClaimList(query), { caching: "reader" });
});
