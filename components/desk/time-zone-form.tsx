"use client";

import { useActionState, useSyncExternalStore } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { setTimeZoneAction } from "@/lib/accounts/actions";
import { fieldValue, INITIAL_FORM_STATE } from "@/lib/actions/form-state";
import { isTimeZone } from "@/lib/time/zones";

const noSubscription = () => () => {};
/** The zone this browser runs in; null while rendering on the server. */
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The zones come from the server: Node and the browser name some zones differently (Node 20
 * still says Asia/Calcutta where Chrome says Asia/Kolkata), and both must render the same list.
 */
export function TimeZoneForm({ chosen, newsroomZone, zones }: { chosen: string | null; newsroomZone: string; zones: string[] }) {
  const [state, formAction] = useActionState(setTimeZoneAction, INITIAL_FORM_STATE);
  const errors = state.fieldErrors ?? {};
  const value = fieldValue(state, "timeZone", chosen ?? "");
  const detected = useSyncExternalStore(noSubscription, browserTimeZone, () => null);
  const inEffect = chosen ?? newsroomZone;
  const suggestion = detected && detected !== inEffect && isTimeZone(detected) ? detected : null;

  // A zone saved earlier (or detected) that this runtime lists under another name still shows.
  const options = [...new Set([...(value && !zones.includes(value) ? [value] : []), ...zones])];
  const groups = new Map<string, string[]>();
  for (const zone of options) {
    const region = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : "Other";
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }

  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-4" noValidate>
        <FormMessage state={state} />
        <Field
          id="timeZone"
          label="Your time zone"
          hint="You enter times in it, and the desk shows them in it. The database keeps UTC; readers see the newsroom's zone."
          errors={errors.timeZone}
          value={value}
        >
          {(props) => (
            <select {...props} name="timeZone">
              <option value="">The newsroom&apos;s ({newsroomZone})</option>
              {[...groups].map(([region, zones]) => (
                <optgroup key={region} label={region}>
                  {zones.map((zone) => (
                    <option key={zone} value={zone}>
                      {zone.replaceAll("_", " ")}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <SubmitButton pendingLabel="Saving…">Save time zone</SubmitButton>
      </form>
      {suggestion ? (
        <form action={formAction} className="flex flex-wrap items-center gap-3 rounded-md border border-rule bg-white p-3 text-sm">
          <p>
            This device is set to <strong>{suggestion}</strong>.
          </p>
          <input type="hidden" name="timeZone" value={suggestion} />
          <SubmitButton variant="secondary" pendingLabel="Saving…">
            Use {suggestion}
          </SubmitButton>
        </form>
      ) : null}
    </div>
  );
}
