import { apiRoute, jsonResponse, parseOrProblem, queryOf } from "@/lib/api/http";
import { readEntityList } from "@/lib/api/read";
import { EntityListQuerySchema, EntityListSchema } from "@/lib/api/schema";

// People, organisations and outlets that appear on published claims, by name.
export const GET = apiRoute(async (request: Request) => {
  const query = parseOrProblem(EntityListQuerySchema, queryOf(request), "query");
  return jsonResponse(request, EntityListSchema, await readEntityList(query), { caching: "reader" });
});
