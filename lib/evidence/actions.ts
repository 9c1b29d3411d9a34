"use server";

import type { Route } from "next";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineFormAction } from "@/lib/actions/define-action";
import { changingClaim } from "@/lib/cache/invalidate";
import { linkEvidence, removeEvidence, updateEvidence } from "@/lib/evidence/mutations";
import { EvidenceCreateSchema, EvidenceRemoveSchema, EvidenceUpdateSchema } from "@/lib/evidence/schema";

function revalidateDesk(claimId: string) {
  revalidatePath(`/desk/claims/${claimId}`);
}

export const linkEvidenceAction = defineFormAction({
  permission: "evidence.link",
  schema: EvidenceCreateSchema,
  async run(input, viewer) {
    await changingClaim(input.claimId, () => linkEvidence(viewer, input));
    revalidateDesk(input.claimId);
    redirect(`/desk/claims/${input.claimId}?evidence=linked#evidence` as Route);
  },
});

export const updateEvidenceAction = defineFormAction({
  permission: "evidence.update",
  schema: EvidenceUpdateSchema,
  async run(input, viewer) {
    await changingClaim(input.claimId, () => updateEvidence(viewer, input));
    revalidateDesk(input.claimId);
    redirect(`/desk/claims/${input.claimId}?evidence=saved#evidence` as Route);
  },
});

export const removeEvidenceAction = defineFormAction({
  permission: "evidence.remove",
  schema: EvidenceRemoveSchema,
  async run(input, viewer) {
    await changingClaim(input.claimId, () => removeEvidence(viewer, input));
    revalidateDesk(input.claimId);
    redirect(`/desk/claims/${input.claimId}?evidence=removed#evidence` as Route);
  },
});
