import { z } from "zod";
import { ApiProblem, jsonResponse } from "@/lib/api/http";
import { apiRoute } from "@/lib/api/route";
import { readEntity } from "@/lib/api/read";
import { EntitySchema } from "@/lib/api/schema";

type Context = { params: Promise<{ id: string }> };

// One entity as its public page shows it; 404 when readers can see nothing of it.
export const GET = apiRoute(async (request: Request, { params }: Context) => {
  const id = z.uuid().safeParse((await params).id);
  const entity = id.success ? await readEntity(id.data.toLowerCase()) : null;
  if (!entity) throw new ApiProblem(404, "Not found", "No entity with that id appears on a published claim.");
  return jsonResponse(request, EntitySchema, entity, { caching: "reader" });
});
