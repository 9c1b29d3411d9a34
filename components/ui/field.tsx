import type { ReactNode } from "react";

const CONTROL =
  "mt-1 block w-full rounded-md border border-rule bg-white px-3 py-2 text-base text-ink shadow-sm placeholder:text-muted/70 focus:border-ink focus:outline-none focus:ring-2 focus:ring-ink/20 aria-[invalid=true]:border-status-negative";

type FieldProps = {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string; className: string }) => ReactNode;
};

/** A labelled control with its hint and errors wired to it for screen readers. */
export function Field({ id, label, hint, errors, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mt-0.5 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {children({ id, "aria-invalid": Boolean(errorId), "aria-describedby": describedBy, className: CONTROL })}
      {errorId ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-status-negative">
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
