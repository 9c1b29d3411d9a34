import { jsonResponse, parseOrProblem, queryOf } from "@/lib/api/http";
import { apiRoute } from "@/lib/api/route";
import { readSearch } from "@/lib/api/read";
import { SearchQuerySchema, SearchResultSchema } from "@/lib/api/schema";

// Full-text search over published claims, as the reader's /search (lib/search/queries.ts).
export const GET = apiRoute(async (request: Request) => {
  const query = parseOrProblem(SearchQuerySchema, queryOf(request), "query");
  return jsonResponse(request, SearchResultSchema, await readSearch(query), { caching: "search" });
});
