import { ErrorSummary } from "@/components/ui/error-summary";
import type { FormState } from "@/lib/actions/form-state";

/**
 * The form's overall result, announced to screen readers when it changes: a rejection becomes the
 * error summary (which takes focus), anything else a polite status message.
 */
export function FormMessage({ state, idPrefix }: { state: FormState; idPrefix?: string }) {
  if (state.status === "error") return <ErrorSummary state={state} idPrefix={idPrefix} />;
  if (!state.message) return <div role="status" aria-live="polite" />;
  return (
    <div role="status" aria-live="polite" className="rounded-md bg-status-positive-bg px-4 py-3 text-sm font-medium text-status-positive">
      {state.message}
    </div>
  );
}
