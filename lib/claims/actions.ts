"use server";

import type { Route } from "next";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineFormAction } from "@/lib/actions/define-action";
import { changingClaim } from "@/lib/cache/invalidate";
import { createClaim, setClaimPublication, updateClaim } from "@/lib/claims/mutations";
import { ClaimCreateSchema, ClaimPublicationSchema, ClaimUpdateSchema } from "@/lib/claims/schema";
import { similarClaimsRefusal } from "@/lib/claims/similar";

/** The desk's lists show every claim; readers' pages are expired by changingClaim. */
function revalidateDesk() {
  revalidatePath("/desk");
  revalidatePath("/desk/claims");
}

export const createClaimAction = defineFormAction({
  permission: "claim.create",
  schema: ClaimCreateSchema,
  async run(input, viewer) {
    const refusal = await similarClaimsRefusal(input, "Open one of them instead");
    if (refusal) return refusal;
    // A new claim is a draft: no reader page changes.
    const claim = await createClaim(viewer, input);
    revalidateDesk();
    redirect(`/desk/claims/${claim.id}?logged=1` as Route);
  },
});

export const updateClaimAction = defineFormAction({
  permission: "claim.update",
  schema: ClaimUpdateSchema,
  async run(input, viewer) {
    const claim = await changingClaim(input.id, () => updateClaim(viewer, input));
    revalidateDesk();
    redirect(`/desk/claims/${claim.id}?saved=1` as Route);
  },
});

export const setPublicationAction = defineFormAction({
  permission: "claim.publish",
  schema: ClaimPublicationSchema,
  async run(input, viewer) {
    await changingClaim(input.id, () => setClaimPublication(viewer, input));
    revalidateDesk();
    revalidatePath(`/desk/claims/${input.id}`);
    return {
      status: "success",
      message: input.publish === "publish" ? "Published: readers can see this claim now." : "Unpublished: readers no longer see this claim.",
    };
  },
});
