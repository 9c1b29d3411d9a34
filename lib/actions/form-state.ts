// The result every form action returns to its form (isomorphic: forms import the type).
export type FieldErrors = Partial<Record<string, string[]>>;

export type FormState = {
  status: "idle" | "success" | "error";
  message?: string;
  fieldErrors?: FieldErrors;
  /** What the user submitted, so that a rejected form shows their input instead of losing it. */
  values?: Record<string, string | string[]>;
  /** Set when someone else saved first: what is saved now, and the version to save over it. */
  conflict?: { version: number; current: Record<string, string> };
  /** Existing claims that look like the one being logged, shown before a duplicate is saved. */
  similar?: { id: string; statement: string; status: string; publication: string }[];
  /** Confirmation checkboxes the form must show: a new entity looked like an existing one. */
  confirm?: string[];
  /** A one-time link to show once (account invitations). */
  link?: string;
  /** A secret to show once and never again (a new API token). */
  secret?: string;
  /** What a form that stays on its page created (intake's accepted proposals). */
  created?: { id: string };
};

export const INITIAL_FORM_STATE: FormState = { status: "idle" };

/** The submitted value of a field, or the fallback when the form has not been submitted. */
export function fieldValue(state: FormState, name: string, fallback = ""): string {
  const value = state.values?.[name];
  if (value === undefined) return fallback;
  return Array.isArray(value) ? (value[0] ?? "") : value;
}

export function fieldValues(state: FormState, name: string, fallback: string[] = []): string[] {
  const value = state.values?.[name];
  if (value === undefined) return fallback;
  return Array.isArray(value) ? value : [value];
}
