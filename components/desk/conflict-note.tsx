import type { FormState } from "@/lib/actions/form-state";

/** Under a field, after a conflict: what is saved now, when it differs from what the user typed. */
export function ConflictNote({ state, name, yours }: { state: FormState; name: string; yours?: string }) {
  const saved = state.conflict?.current[name];
  if (saved === undefined || saved === (yours ?? "")) return null;
  return (
    <p className="mt-1 rounded bg-status-warning-bg px-2 py-1 text-sm text-status-warning">
      <span className="font-semibold">Saved now by someone else: </span>
      {saved === "" ? <em>(empty)</em> : saved}
    </p>
  );
}
