"use client";

import Link from "next/link";
import { useActionState, useEffect, useState } from "react";
import { ConflictNote } from "@/components/desk/conflict-note";
import { type Chosen, chosenFromValues, EntityCombobox } from "@/components/desk/entity-combobox";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldValue, type FormState, INITIAL_FORM_STATE } from "@/lib/actions/form-state";
import { DATE_PRECISIONS } from "@/lib/claims/schema";

type Defaults = {
  statement: string;
  context: string;
  eventDate: string;
  eventDatePrecision: string;
  tags: string;
  /** The people and organisations the claim is about now, with their labels. */
  entities: Chosen[];
};

const PRECISION_LABEL: Record<(typeof DATE_PRECISIONS)[number], string> = {
  day: "On that day",
  approximate: "Around that date",
  month: "Some time that month",
  year: "Some time that year",
};

export function ClaimForm({
  action,
  defaults,
  claim,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  defaults: Defaults;
  /** Present when editing: the claim and the version the form was loaded from. */
  claim?: { id: string; version: number };
}) {
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  const errors = state.fieldErrors ?? {};
  const value = (name: keyof Defaults) => fieldValue(state, name, defaults[name] as string);
  const version = state.conflict?.version ?? claim?.version;
  const [statement, setStatement] = useState(value("statement"));
  const live = useSimilarClaims(claim ? "" : statement);

  return (
    <form action={formAction} className="space-y-6" noValidate>
      <FormMessage state={state} />
      {claim ? (
        <>
          <input type="hidden" name="id" value={claim.id} />
          <input type="hidden" name="version" value={version} />
        </>
      ) : null}

      {state.similar?.length ? (
        <section aria-labelledby="similar-heading" className="rounded-lg border border-status-warning/40 bg-status-warning-bg p-4">
          <h2 id="similar-heading" className="font-semibold text-status-warning">
            Already on the desk?
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {state.similar.map((claimLike) => (
              <li key={claimLike.id}>
                <Link href={`/desk/claims/${claimLike.id}`} className="underline underline-offset-2" target="_blank">
                  {claimLike.statement}
                </Link>{" "}
                <span className="text-muted">
                  ({claimLike.status}, {claimLike.publication})
                </span>
              </li>
            ))}
          </ul>
          <label className="mt-3 flex items-center gap-2 text-sm font-semibold">
            <input type="checkbox" name="confirmNotDuplicate" defaultChecked={fieldValue(state, "confirmNotDuplicate") === "on"} className="h-4 w-4" />
            This is a different claim: log it anyway
          </label>
        </section>
      ) : null}

      <Field id="statement" label="Statement" hint="The claim in one sentence, as it was reported." errors={errors.statement} value={value("statement")}>
        {(props) => (
          <textarea {...props} name="statement" rows={2} required maxLength={500} onChange={(event) => setStatement(event.target.value)} />
        )}
      </Field>
      {live.length > 0 && !state.similar?.length ? (
        <div role="status" className="rounded-md bg-status-warning-bg p-3 text-sm">
          <p className="font-semibold text-status-warning">Looks like claims already on the desk:</p>
          <ul className="mt-1 list-disc pl-5">
            {live.map((similar) => (
              <li key={similar.id}>
                <Link href={`/desk/claims/${similar.id}`} target="_blank" className="underline underline-offset-2">
                  {similar.statement}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ConflictNote state={state} name="statement" yours={value("statement")} />

      <Field id="context" label="Context" hint="Optional: who reported it first, what is known so far." errors={errors.context} value={value("context")}>
        {(props) => <textarea {...props} name="context" rows={3} maxLength={4000} />}
      </Field>
      <ConflictNote state={state} name="context" yours={value("context")} />

      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="eventDate" label="When it allegedly happened" errors={errors.eventDate} value={value("eventDate")}>
          {(props) => <input {...props} name="eventDate" type="date" />}
        </Field>
        <Field id="eventDatePrecision" label="How precise is that date?" errors={errors.eventDatePrecision} value={value("eventDatePrecision") || "day"}>
          {(props) => (
            <select {...props} name="eventDatePrecision">
              {DATE_PRECISIONS.map((precision) => (
                <option key={precision} value={precision}>
                  {PRECISION_LABEL[precision]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ConflictNote state={state} name="eventDate" yours={value("eventDate")} />

      <Field id="tags" label="Tags" hint="Comma-separated, such as us-politics, ukraine-war." errors={errors.tags} value={value("tags")}>
        {(props) => <input {...props} name="tags" autoComplete="off" />}
      </Field>
      <ConflictNote state={state} name="tags" yours={value("tags")} />

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">Who the claim is about</legend>
        <EntityCombobox
          id="entityIds"
          name="entityIds"
          label="People and organisations"
          hint="Type a name to find them; if they are not on the desk yet, create them here."
          kind="any"
          multiple
          initial={chosenFromValues(state.values, "entityIds", "newEntity", defaults.entities)}
          errors={[...(errors.entityIds ?? []), ...(errors.newEntityName ?? []), ...(errors.newEntityKind ?? []), ...(errors.newEntityDescription ?? []), ...(errors.newEntityAffiliationId ?? [])]}
          create={{
            prefix: "newEntity",
            kinds: ["person", "organisation"],
            confirmName: "confirmNewEntities",
            confirmAsked: state.confirm?.includes("confirmNewEntities"),
            confirmChecked: fieldValue(state, "confirmNewEntities") === "on",
          }}
        />
        <ConflictNote state={state} name="entities" />
      </fieldset>

      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pendingLabel="Saving…">{claim ? (state.conflict ? "Save mine over theirs" : "Save changes") : "Log claim as draft"}</SubmitButton>
        <Link href={claim ? `/desk/claims/${claim.id}` : "/desk"} className="font-semibold text-muted hover:text-ink">
          Cancel
        </Link>
      </div>
    </form>
  );
}

type SimilarClaim = { id: string; statement: string; status: string; publication: string };

/** Similar claims for the statement being typed, fetched after a pause in typing. */
function useSimilarClaims(statement: string): SimilarClaim[] {
  const [claims, setClaims] = useState<SimilarClaim[]>([]);
  useEffect(() => {
    const text = statement.trim();
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      if (text.length < 8) return setClaims([]);
      try {
        const response = await fetch(`/api/desk/similar-claims?statement=${encodeURIComponent(text)}`, { signal: controller.signal });
        if (response.ok) setClaims(((await response.json()) as { claims: SimilarClaim[] }).claims);
      } catch {
        // Typing on, or offline: the check on submit still runs.
      }
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [statement]);
  return claims;
}
