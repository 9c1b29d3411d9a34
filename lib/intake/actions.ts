"use server";

import { revalidatePath } from "next/cache";
import { defineFormAction } from "@/lib/actions/define-action";
import type { FormState } from "@/lib/actions/form-state";
import { changingClaim } from "@/lib/cache/invalidate";
import { createClaim } from "@/lib/claims/mutations";
import { ClaimCreateSchema } from "@/lib/claims/schema";
import { similarClaimsRefusal } from "@/lib/claims/similar";
import { linkEvidence } from "@/lib/evidence/mutations";
import { EvidenceCreateSchema } from "@/lib/evidence/schema";
import { analyseArticle, type IntakeAnalysis } from "@/lib/intake/analyse";
import { ArticleFetchError } from "@/lib/intake/fetch";
import { IntakeAnalyseSchema } from "@/lib/intake/schema";

export type IntakeState = FormState & { analysis?: IntakeAnalysis };

/**
 * Reads an article (fetched from its web address through the SSRF guard, or pasted) and proposes
 * its claims and evidence. Writes nothing; only editors, who can accept the proposals, may run it.
 * defineFormAction passes the extra `analysis` through untouched: the cast only tells the form so.
 */
export const analyseArticleAction = defineFormAction({
  permission: "claim.create",
  schema: IntakeAnalyseSchema,
  async run(input, viewer) {
    try {
      const analysis = await analyseArticle(input, viewer.timeZone);
      const state: IntakeState = {
        status: "success",
        message: `Read “${analysis.article.headline ?? "the article"}”: ${analysis.proposals.claims.length} claim${analysis.proposals.claims.length === 1 ? "" : "s"} proposed.`,
        values: { url: input.url ?? "", article: input.article },
        analysis,
      };
      return state;
    } catch (error) {
      if (error instanceof ArticleFetchError) return { status: "error", message: error.message, fieldErrors: { url: [error.message] } };
      throw error;
    }
  },
}) as (state: IntakeState, formData: FormData) => Promise<IntakeState>;

/** Accepting a proposed claim: the desk's createClaim, with the desk's duplicate check, staying on the intake page. */
export const acceptClaimAction = defineFormAction({
  permission: "claim.create",
  schema: ClaimCreateSchema,
  async run(input, viewer) {
    const refusal = await similarClaimsRefusal(input, "Add the evidence to one of them instead");
    if (refusal) return refusal;
    const claim = await createClaim(viewer, input);
    revalidatePath("/desk");
    revalidatePath("/desk/claims");
    return { status: "success", message: "Claim logged as a draft.", created: { id: claim.id } };
  },
});

/** Accepting a proposed piece of evidence: the desk's linkEvidence, on the accepted (or chosen) claim. */
export const acceptEvidenceAction = defineFormAction({
  permission: "evidence.link",
  schema: EvidenceCreateSchema,
  async run(input, viewer) {
    const evidence = await changingClaim(input.claimId, () => linkEvidence(viewer, input));
    revalidatePath(`/desk/claims/${input.claimId}`);
    return { status: "success", message: "Evidence linked.", created: { id: evidence.id } };
  },
});
