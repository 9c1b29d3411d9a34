import { jsonResponse, parseOrProblem, queryOf } from "@/lib/api/http";
import { apiRoute } from "@/lib/api/route";
import { readEntityList } from "@/lib/api/read";
import { EntityListQuerySchema, EntityListSchema } from "@/lib/api/schema";

// People, organisations and outlets that appear on published claims, by name.
export const GET = apiRoute(async (request: Request) => {
  const query = parseOrProblem(EntityListQuerySchema, queryOf(request), "query");
  return jsonResponse(request, EntityListSchema, await readEntityList(query), { caching: "reader" });
});
