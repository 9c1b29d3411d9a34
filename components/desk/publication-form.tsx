"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { INITIAL_FORM_STATE } from "@/lib/actions/form-state";
import { setPublicationAction } from "@/lib/claims/actions";

export function PublicationForm({ claimId, version, published }: { claimId: string; version: number; published: boolean }) {
  const [state, action] = useActionState(setPublicationAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="id" value={claimId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="publish" value={published ? "unpublish" : "publish"} />
      <FormMessage state={state} />
      <SubmitButton variant={published ? "secondary" : "primary"} pendingLabel={published ? "Unpublishing…" : "Publishing…"}>
        {published ? "Unpublish" : "Publish"}
      </SubmitButton>
    </form>
  );
}
