"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { INITIAL_FORM_STATE } from "@/lib/actions/form-state";
import { setPublicationAction } from "@/lib/claims/actions";

/**
 * Publishing is one click. Unpublishing takes a published claim away from readers, so it asks once
 * more first, in place, the way removing evidence does (a `<details>`: keyboard-operable with no
 * script of ours).
 */
export function PublicationForm({ claimId, version, published }: { claimId: string; version: number; published: boolean }) {
  const [state, action] = useActionState(setPublicationAction, INITIAL_FORM_STATE);
  const form = (
    <form action={action} className={published ? "mt-2 space-y-3" : undefined}>
      <input type="hidden" name="id" value={claimId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="publish" value={published ? "unpublish" : "publish"} />
      {published ? <p className="text-sm">Unpublish this claim? Readers will no longer find it, nor its public page, until it is published again.</p> : null}
      <SubmitButton variant={published ? "danger" : "primary"} pendingLabel={published ? "Unpublishing…" : "Publishing…"}>
        {published ? "Unpublish" : "Publish"}
      </SubmitButton>
    </form>
  );
  // The result stays outside the question, which is closed again once publishing succeeded.
  return (
    <div className="space-y-3">
      <FormMessage state={state} />
      {published ? (
        <details>
          <summary className="inline-flex min-h-11 cursor-pointer items-center rounded-md bg-white px-4 py-2 font-semibold text-ink ring-1 ring-inset ring-rule hover:bg-paper">
            Unpublish…
          </summary>
          {form}
        </details>
      ) : (
        form
      )}
    </div>
  );
}
