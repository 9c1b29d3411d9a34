"use client";

import { type MouseEvent, useEffect, useId, useRef } from "react";
import type { FormState } from "@/lib/actions/form-state";

/** Follows a link of the summary: focuses the field itself, which a bare `#id` jump does not. */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const field = document.getElementById(id);
  if (!field) return;
  event.preventDefault();
  // The label above the control is part of what the user needs to see, so keep some room.
  field.scrollIntoView({ block: "center" });
  field.focus({ preventScroll: true });
}

/**
 * The GOV.UK error summary: after a rejected submit, a box at the top of the form that says what
 * went wrong and links to each field that needs attention. It takes focus (and so scrolls into
 * view and is read out) on every new error, because the submit button that was pressed is often
 * far below the top of a long form, where the message would otherwise go unseen.
 */
export function ErrorSummary({ state, idPrefix = "" }: { state: FormState; /** Fields' ids are `${idPrefix}${name}` (several forms on one page). */ idPrefix?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();

  // `state` is a new object for every answer of the action, so this runs once per failed submit.
  useEffect(() => {
    if (state.status !== "error") return;
    ref.current?.scrollIntoView({ block: "start" });
    ref.current?.focus({ preventScroll: true });
  }, [state]);

  if (state.status !== "error") return null;
  const fields = Object.entries(state.fieldErrors ?? {}).filter((entry): entry is [string, string[]] => Boolean(entry[1]?.length));
  return (
    <div
      ref={ref}
      role="alert"
      aria-labelledby={headingId}
      tabIndex={-1}
      className="scroll-mt-4 rounded-md border-2 border-status-negative bg-status-negative-bg px-4 py-3 text-sm text-status-negative focus:outline-none focus:ring-4 focus:ring-status-negative/30"
    >
      <h2 id={headingId} className="text-base font-bold">
        There is a problem
      </h2>
      {state.message ? <p className="mt-1 font-medium">{state.message}</p> : null}
      {fields.length ? (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {fields.map(([name, messages]) => (
            <li key={name}>
              <a href={`#${idPrefix}${name}`} onClick={(event) => focusField(event, `${idPrefix}${name}`)} className="font-semibold underline underline-offset-2">
                {messages.join(" ")}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
