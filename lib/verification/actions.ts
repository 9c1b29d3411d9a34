"use server";

import type { Route } from "next";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineFormAction } from "@/lib/actions/define-action";
import { changingClaim } from "@/lib/cache/invalidate";
import { dismissSuggestion, transitionClaimStatus } from "@/lib/verification/mutations";
import { DismissSuggestionSchema, StatusMoveSchema } from "@/lib/verification/schema";

// The gate here is only "signed in to the desk": who may make which move is the transition
// table's to say, and transitionClaimStatus asks it.
export const moveStatusAction = defineFormAction({
  permission: "desk.read",
  schema: StatusMoveSchema,
  async run(input, viewer) {
    await changingClaim(input.claimId, () => transitionClaimStatus(viewer, input));
    revalidatePath("/desk", "layout");
    redirect(`/desk/claims/${input.claimId}?moved=1#verification` as Route);
  },
});

export const dismissSuggestionAction = defineFormAction({
  permission: "desk.read",
  schema: DismissSuggestionSchema,
  async run(input, viewer) {
    await dismissSuggestion(viewer, input);
    revalidatePath("/desk/review");
    return { status: "success", message: "Suggestion dismissed. It will not come back unless new evidence arrives." };
  },
});
