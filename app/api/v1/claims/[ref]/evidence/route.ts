import { z } from "zod";
import { ApiProblem, jsonResponse, parseOrProblem, readJsonBody } from "@/lib/api/http";
import { requireWriter } from "@/lib/api/auth";
import { apiRoute } from "@/lib/api/route";
import { asFormInput, CreatedEvidenceSchema, EvidenceCreateBodySchema } from "@/lib/api/schema";
import { changingClaim } from "@/lib/cache/invalidate";
import { linkEvidence } from "@/lib/evidence/mutations";
import { EvidenceCreateSchema } from "@/lib/evidence/schema";

type Context = { params: Promise<{ ref: string }> };

// Links evidence to a claim (by id; drafts included, as on the desk): the desk's schema,
// permission, mutation and history, and the same cache expiry (changingClaim), so a published
// claim's page, its API answers and the lists show it on their next load.
export const POST = apiRoute(
  async (request: Request, { params }: Context, caller) => {
    const actor = requireWriter(caller, "evidence.link");
    const claimId = z.uuid().safeParse((await params).ref);
    if (!claimId.success) throw new ApiProblem(404, "Not found", "Evidence is linked to a claim by its id.");
    const body = parseOrProblem(EvidenceCreateBodySchema, await readJsonBody(request), "body");
    const input = parseOrProblem(EvidenceCreateSchema, { ...asFormInput(body), claimId: claimId.data.toLowerCase() }, "body");
    const evidence = await changingClaim(input.claimId, () => linkEvidence(actor, input));
    return jsonResponse(request, CreatedEvidenceSchema, { id: evidence.id, claimId: input.claimId }, { caching: "private", status: 201 });
  },
  { write: true },
);
