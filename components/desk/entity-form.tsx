"use client";

import Link from "next/link";
import { useActionState, useEffect, useState } from "react";
import { type Chosen, chosenFromValues, EntityCombobox } from "@/components/desk/entity-combobox";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldValue, type FormState, INITIAL_FORM_STATE } from "@/lib/actions/form-state";
import { type EntityOption, entityLabel, LOOKALIKE_THRESHOLD } from "@/lib/entities/schema";

type Defaults = { kind: string; name: string; description: string; affiliation: Chosen[]; domain: string };

/** An entity of `kind` whose name looks like `name`, looked up after a pause in typing. */
function useLookalike(name: string, kind: string, enabled: boolean): EntityOption | null {
  const [found, setFound] = useState<{ for: string; entity: EntityOption | null }>({ for: "", entity: null });
  const text = name.trim();
  useEffect(() => {
    if (!enabled || text.length < 3) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/desk/entities?${new URLSearchParams({ q: text, kind })}`, { signal: controller.signal });
        if (!response.ok) return;
        const { entities } = (await response.json()) as { entities: EntityOption[] };
        setFound({ for: `${kind}|${text}`, entity: entities.find((entity) => (entity.similarity ?? 0) >= LOOKALIKE_THRESHOLD) ?? null });
      } catch {
        // Typing on, or offline: the check on submit still runs.
      }
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, kind, enabled]);
  return found.for === `${kind}|${text}` ? found.entity : null;
}

export function EntityForm({
  action,
  defaults,
  entity,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  defaults: Defaults;
  entity?: { id: string; loadedAt: string };
}) {
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  const errors = state.fieldErrors ?? {};
  const value = (name: Exclude<keyof Defaults, "affiliation">) => fieldValue(state, name, defaults[name]);
  const [name, setName] = useState(value("name"));
  const [kind, setKind] = useState(value("kind") || "person");
  const lookalike = useLookalike(name, kind, !entity);
  const askConfirm = !entity && (Boolean(lookalike) || state.confirm?.includes("confirmNotDuplicate"));
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormMessage state={state} />
      {entity ? (
        <>
          <input type="hidden" name="id" value={entity.id} />
          <input type="hidden" name="loadedAt" value={entity.loadedAt} />
        </>
      ) : null}
      <Field id="kind" label="Kind" errors={errors.kind} value={value("kind") || "person"}>
        {(props) => (
          <select {...props} name="kind" onChange={(event) => setKind(event.target.value)}>
            <option value="person">Person</option>
            <option value="organisation">Organisation (outlets are organisations with a domain)</option>
          </select>
        )}
      </Field>
      <Field id="name" label="Name" errors={errors.name} value={value("name")}>
        {(props) => <input {...props} name="name" required maxLength={200} onChange={(event) => setName(event.target.value)} autoComplete="off" />}
      </Field>
      <p role="status" className="-mt-3 text-sm font-semibold text-status-warning">
        {lookalike ? `Did you mean ${entityLabel(lookalike)}? It is already on the desk.` : ""}
      </p>
      {askConfirm ? (
        <label className="flex items-center gap-2 text-sm font-semibold">
          <input type="checkbox" name="confirmNotDuplicate" defaultChecked={fieldValue(state, "confirmNotDuplicate") === "on"} className="h-4 w-4" />
          This is someone else: add it as new
        </label>
      ) : null}
      <Field id="description" label="Description" hint="Such as: Kremlin spokesman." errors={errors.description} value={value("description")}>
        {(props) => <input {...props} name="description" maxLength={300} />}
      </Field>
      <EntityCombobox
        id="affiliationId"
        name="affiliationId"
        label="Affiliation"
        hint="The organisation they speak for or belong to, if any."
        kind="organisation"
        exclude={entity ? [entity.id] : []}
        initial={chosenFromValues(state.values, "affiliationId", undefined, defaults.affiliation)}
        errors={errors.affiliationId}
      />
      <Field id="domain" label="Web domain (outlets only)" hint="Such as reuters.com." errors={errors.domain} value={value("domain")}>
        {(props) => <input {...props} name="domain" maxLength={200} autoComplete="off" />}
      </Field>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pendingLabel="Saving…">{entity ? "Save" : "Add"}</SubmitButton>
        <Link href="/desk/entities" className="font-semibold text-muted hover:text-ink">
          Cancel
        </Link>
      </div>
    </form>
  );
}
