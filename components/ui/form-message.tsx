import type { FormState } from "@/lib/actions/form-state";

/** The form's overall result, announced to screen readers when it changes. */
export function FormMessage({ state }: { state: FormState }) {
  if (!state.message) return <div role="status" aria-live="polite" />;
  const error = state.status === "error";
  return (
    <div
      role={error ? "alert" : "status"}
      aria-live="polite"
      className={`rounded-md px-4 py-3 text-sm font-medium ${
        error ? "bg-status-negative-bg text-status-negative" : "bg-status-positive-bg text-status-positive"
      }`}
    >
      {state.message}
    </div>
  );
}
