import { ApiProblem, jsonResponse } from "@/lib/api/http";
import { apiRoute } from "@/lib/api/route";
import { readClaim } from "@/lib/api/read";
import { ClaimRefSchema, ClaimSchema } from "@/lib/api/schema";

type Context = { params: Promise<{ ref: string }> };

// One published claim, by slug or id, with its evidence, independence summary and history. A
// draft, a missing claim and a reference that cannot exist are all the same 404.
export const GET = apiRoute(async (request: Request, { params }: Context) => {
  const ref = ClaimRefSchema.safeParse((await params).ref);
  const claim = ref.success ? await readClaim(ref.data) : null;
  if (!claim) throw new ApiProblem(404, "Not found", "No published claim has that slug or id.");
  return jsonResponse(request, ClaimSchema, claim, { caching: "reader" });
});
