"use server";

import type { Route } from "next";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineFormAction } from "@/lib/actions/define-action";
import { requestCheck } from "@/lib/archive/mutations";
import { CheckNowSchema } from "@/lib/archive/schema";

/** "Check now": a link-rot check of one source, queued at once (the worker runs it in seconds). */
export const checkSourceNowAction = defineFormAction({
  permission: "evidence.update",
  schema: CheckNowSchema,
  async run(input, viewer) {
    await requestCheck(viewer, input);
    revalidatePath(`/desk/claims/${input.claimId}`);
    redirect(`/desk/claims/${input.claimId}?evidence=checking#evidence-${input.evidenceId}` as Route);
  },
});
