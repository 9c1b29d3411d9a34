import { Fragment, type ReactNode } from "react";

const CONTROL =
  "mt-1 block w-full rounded-md border border-rule bg-white px-3 py-2 text-base text-ink shadow-sm placeholder:text-muted/70 focus:border-ink focus:outline-none focus:ring-2 focus:ring-ink/20 aria-[invalid=true]:border-status-negative";

/** A value to show in a control: one string, or the chosen options of a `<select multiple>`. */
export type ControlValue = string | string[];

export type ControlProps = {
  id: string;
  "aria-invalid": boolean;
  "aria-describedby"?: string;
  className: string;
  defaultValue?: ControlValue;
};

/**
 * The key that re-mounts a control whenever the value it must show changes.
 *
 * React 19 resets a form once its action has finished (`form.reset()`), which puts every control
 * back to its default. A text input, a radio and a checkbox follow a changed `defaultValue` /
 * `defaultChecked`, but a `<select>` keeps the options it was mounted with, so after an error it
 * jumped back to its first value and the next submit saved that. Mounting the control again with
 * the submitted value as its default makes the reset land on what the user chose. While the key
 * stays the same the control still shows the value it was mounted with, so nothing is lost then.
 */
export function controlKey(value: ControlValue | undefined): string {
  return JSON.stringify(value ?? null);
}

type FieldProps = {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  /**
   * What the control shows: the user's last submitted value, else the saved or initial one (see
   * `fieldValue` / `fieldValues`). Omitted only for controls that must start empty (passwords).
   */
  value?: ControlValue;
  children: (props: ControlProps) => ReactNode;
};

/** A labelled control with its hint and errors wired to it for screen readers. */
export function Field({ id, label, hint, errors, value, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const props: ControlProps = { id, "aria-invalid": Boolean(errorId), "aria-describedby": describedBy, className: CONTROL };
  if (value !== undefined) props.defaultValue = value;
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
      <Fragment key={controlKey(value)}>{children(props)}</Fragment>
      {errorId ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-status-negative">
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

type RadioGroupProps = {
  name: string;
  legend: string;
  options: { value: string; label: ReactNode }[];
  /** The chosen option: the user's last submitted one, else the saved or initial one. */
  value: string;
  errors?: string[];
  /** Tailwind classes of the grid the options sit in. */
  columns?: string;
};

/**
 * Radio buttons under a legend. The first one carries the group's name as its id, so that the
 * error summary's link `#name` lands on the group.
 */
export function RadioGroup({ name, legend, options, value, errors, columns = "grid-cols-1 sm:grid-cols-3" }: RadioGroupProps) {
  const errorId = errors?.length ? `${name}-error` : undefined;
  return (
    <fieldset aria-describedby={errorId}>
      <legend className="text-sm font-semibold">{legend}</legend>
      <div key={controlKey(value)} className={`mt-2 grid gap-2 ${columns}`}>
        {options.map((option, index) => (
          <label key={option.value} className="flex min-h-11 items-center gap-2 rounded-md border border-rule bg-white px-3 py-2 text-sm has-[:checked]:border-ink has-[:checked]:ring-1 has-[:checked]:ring-ink">
            <input type="radio" id={index === 0 ? name : undefined} name={name} value={option.value} defaultChecked={value === option.value} className="h-4 w-4" />
            {option.label}
          </label>
        ))}
      </div>
      {errorId ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-status-negative">
          {errors!.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
