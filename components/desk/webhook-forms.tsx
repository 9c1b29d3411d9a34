"use client";

import { useActionState, useState } from "react";
import { controlKey, Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { type FormState, fieldValue, fieldValues, INITIAL_FORM_STATE } from "@/lib/actions/form-state";
import {
  createWebhookEndpointAction,
  deleteWebhookEndpointAction,
  retryWebhookDeliveryAction,
  rotateWebhookSecretAction,
  setWebhookEndpointEnabledAction,
  updateWebhookEndpointAction,
} from "@/lib/webhooks/actions";
import { WEBHOOK_EVENT_INFO, WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/schema";

type Saved = { id: string; version: number; url: string; description: string; events: string[]; enabled: boolean };

/** Registers an endpoint, or edits one (`saved`). Every field comes back as typed after an error. */
export function WebhookEndpointForm({ saved }: { saved?: Saved }) {
  const [state, action] = useActionState(saved ? updateWebhookEndpointAction : createWebhookEndpointAction, INITIAL_FORM_STATE);
  const errors = state.fieldErrors ?? {};
  const chosen = fieldValues(state, "events", saved?.events ?? []);
  const enabled = state.values ? state.values.enabled === "on" : (saved?.enabled ?? true);
  const eventsError = errors.events?.length ? "events-error" : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {saved ? (
        <>
          <input type="hidden" name="id" value={saved.id} />
          <input type="hidden" name="version" value={saved.version} />
        </>
      ) : null}
      <Field
        id="url"
        label="Receiver URL"
        hint="Where Claimtrail POSTs each event. https:// on a public address."
        errors={errors.url}
        value={fieldValue(state, "url", saved?.url ?? "")}
      >
        {(props) => <input {...props} name="url" type="url" inputMode="url" autoComplete="off" spellCheck={false} required />}
      </Field>
      <Field id="description" label="Description (optional)" hint="Who runs it and what for." errors={errors.description} value={fieldValue(state, "description", saved?.description ?? "")}>
        {(props) => <input {...props} name="description" />}
      </Field>
      <fieldset aria-describedby={eventsError}>
        <legend className="text-sm font-semibold">Events</legend>
        <div key={controlKey(chosen)} className="mt-2 space-y-2">
          {WEBHOOK_EVENT_TYPES.map((type, index) => (
            <label key={type} className="flex min-h-11 items-start gap-3 rounded-md border border-rule bg-white px-3 py-2 text-sm">
              <input
                type="checkbox"
                id={index === 0 ? "events" : undefined}
                name="events"
                value={type}
                defaultChecked={chosen.includes(type)}
                aria-invalid={Boolean(eventsError)}
                className="mt-0.5 h-4 w-4"
              />
              <span>
                <code className="font-mono font-semibold">{type}</code>
                <span className="block text-muted">{WEBHOOK_EVENT_INFO[type]}</span>
              </span>
            </label>
          ))}
        </div>
        {eventsError ? (
          <p id={eventsError} className="mt-1 text-sm font-medium text-status-negative">
            {errors.events!.join(" ")}
          </p>
        ) : null}
      </fieldset>
      {saved ? (
        <label key={controlKey(String(enabled))} className="flex items-center gap-2 text-sm font-semibold">
          <input type="checkbox" name="enabled" defaultChecked={enabled} className="h-4 w-4" />
          Enabled (unticked: nothing is delivered, and waiting deliveries stop)
        </label>
      ) : null}
      <SubmitButton pendingLabel="Saving…">{saved ? "Save endpoint" : "Add endpoint"}</SubmitButton>
    </form>
  );
}

/** The signing secret, readable and copyable; rotating it makes a new one at once. */
export function WebhookSecret({ id, version, secret }: { id: string; version: number; secret: string }) {
  const [copied, setCopied] = useState("");
  const [state, action] = useActionState(rotateWebhookSecretAction, INITIAL_FORM_STATE);
  return (
    <div className="space-y-3">
      <label htmlFor="secret" className="block text-sm font-semibold">
        Signing secret
      </label>
      <div className="flex flex-wrap gap-2">
        <input id="secret" readOnly value={secret} className="min-w-0 flex-1 rounded-md border border-rule bg-paper px-3 py-2 font-mono text-sm" aria-describedby="secret-hint" />
        <button
          type="button"
          className="inline-flex min-h-11 items-center rounded-md bg-white px-4 py-2 font-semibold ring-1 ring-inset ring-rule hover:bg-paper"
          onClick={() => {
            navigator.clipboard.writeText(secret).then(
              () => setCopied("Secret copied."),
              () => setCopied("Could not copy: select the secret and copy it yourself."),
            );
          }}
        >
          Copy secret
        </button>
      </div>
      <p id="secret-hint" className="text-sm text-muted">
        The receiver verifies each delivery with it (see the documentation). Keep it private.
      </p>
      <p role="status" aria-live="polite" className="text-sm">
        {copied}
      </p>
      <form action={action} className="flex flex-wrap items-center gap-2">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <SubmitButton variant="secondary" pendingLabel="Rotating…">
          Rotate secret
        </SubmitButton>
        <FormMessage state={state} />
      </form>
    </div>
  );
}

export function WebhookToggleForm({ id, version, enabled }: { id: string; version: number; enabled: boolean }) {
  const [state, action] = useActionState(setWebhookEndpointEnabledAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="enabled" value={enabled ? "disable" : "enable"} />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        {enabled ? "Disable endpoint" : "Enable endpoint"}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function WebhookDeleteForm({ id, version }: { id: string; version: number }) {
  const [state, action] = useActionState(deleteWebhookEndpointAction, INITIAL_FORM_STATE);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" id="confirm" name="confirm" value="delete" className="h-4 w-4" aria-invalid={Boolean(errors.confirm?.length)} aria-describedby={errors.confirm?.length ? "confirm-error" : undefined} />
          Yes, delete this endpoint and its delivery log. Deliveries still waiting are dropped.
        </label>
        {errors.confirm?.length ? (
          <p id="confirm-error" className="mt-1 text-sm font-medium text-status-negative">
            {errors.confirm.join(" ")}
          </p>
        ) : null}
      </div>
      <SubmitButton variant="danger" pendingLabel="Deleting…">
        Delete endpoint
      </SubmitButton>
    </form>
  );
}

export function WebhookRetryForm({ endpointId, deliveryId, label }: { endpointId: string; deliveryId: string; label: string }) {
  const [state, action] = useActionState<FormState, FormData>(retryWebhookDeliveryAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="endpointId" value={endpointId} />
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <button
        type="submit"
        aria-label={`Retry now: ${label}`}
        className="inline-flex min-h-11 items-center rounded-md bg-white px-3 py-1 text-sm font-semibold ring-1 ring-inset ring-rule hover:bg-paper"
      >
        Retry now
      </button>
      {state.message ? (
        <p role={state.status === "error" ? "alert" : "status"} className={`text-xs ${state.status === "error" ? "text-status-negative" : "text-status-positive"}`}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
