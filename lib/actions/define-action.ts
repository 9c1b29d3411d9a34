import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { can, type Permission } from "@/lib/auth/permissions";
import { getViewer, type Viewer } from "@/lib/auth/session";
import { DATABASE_UNAVAILABLE_MESSAGE, databaseUnavailableReason } from "@/lib/db/unavailable";
import { ConflictError, ForbiddenError, InvalidInputError, LookalikeError, NotFoundError } from "@/lib/errors";

/**
 * Whether an action was called with a form. A hand-made request can pass anything React's reply
 * encoding can express (a temporary reference throws on any property read), so check before use.
 */
export function isFormData(value: unknown): value is FormData {
  try {
    return value instanceof FormData;
  } catch {
    return false;
  }
}

/** The answer to an action called with something other than a form: only a hand-made request does that. */
export const UNREADABLE_FORM: FormState = { status: "error", message: "That form could not be read. Reload the page and send it again." };

/** FormData as a plain object; a field given more than once becomes an array. */
export function formValues(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = formData.getAll(key).filter((value): value is string => typeof value === "string");
    values[key] = all.length === 1 ? all[0]! : all;
  }
  return values;
}

type PrismaLikeError = { code?: unknown; meta?: unknown };

/** A message for the person, never the database's own words. */
export function describeError(error: unknown): { message: string; field?: string } {
  if (error instanceof ConflictError || error instanceof NotFoundError || error instanceof ForbiddenError) {
    return { message: error.message };
  }
  if (error instanceof InvalidInputError) return { message: error.message, field: error.field };
  // Logged once, briefly: during an outage every request fails the same way.
  const outage = databaseUnavailableReason(error);
  if (outage) {
    console.error(`A form was not saved: the database is unreachable (${outage}).`);
    return { message: DATABASE_UNAVAILABLE_MESSAGE };
  }
  const code = (error as PrismaLikeError | null)?.code;
  if (code === "P2002") return { message: "Something with the same name or address already exists." };
  if (code === "P2034") return { message: "Someone else changed this at the same moment. Reload to see their change, then try again." };
  if (code === "P2025") return { message: "That no longer exists. It may have been removed by someone else." };
  if (code === "P2003") return { message: "This refers to something that no longer exists." };
  console.error(error);
  return { message: "Something went wrong on our side and nothing was saved. Please try again." };
}

/**
 * Every form action goes through here: the session and the role are checked inside the action
 * (a hidden button is not security), the input is parsed by the shared Zod schema, and errors
 * become messages while the user's input is sent back to the form.
 */
export function defineFormAction<S extends z.ZodType>(options: {
  permission: Permission;
  schema: S;
  run: (input: z.output<S>, viewer: Viewer) => Promise<FormState | void>;
}) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    if (!isFormData(formData)) return UNREADABLE_FORM;
    const values = formValues(formData);
    let viewer: Viewer | null;
    try {
      viewer = await getViewer();
    } catch (error) {
      // Reading the session needs the database too: an outage keeps the input like any failure.
      unstable_rethrow(error);
      return { status: "error", message: describeError(error).message, values };
    }
    if (!viewer) {
      return { status: "error", message: "You are signed out. Sign in again in another tab, then submit again: your input is kept.", values };
    }
    if (!can(viewer, options.permission)) {
      return { status: "error", message: "Your role does not allow this.", values };
    }
    const parsed = options.schema.safeParse(values);
    if (!parsed.success) {
      return {
        status: "error",
        message: "Some fields need attention.",
        fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
        values,
      };
    }
    try {
      const result = (await options.run(parsed.data, viewer)) ?? { status: "success" };
      // A rejection from `run` keeps the user's input too.
      return result.status === "error" ? { values, ...result } : result;
    } catch (error) {
      unstable_rethrow(error);
      const { message, field } = describeError(error);
      const conflict =
        error instanceof ConflictError && error.current
          ? { version: error.current.version, current: error.current.values }
          : undefined;
      const confirm = error instanceof LookalikeError ? [error.confirmField] : undefined;
      return { status: "error", message, fieldErrors: field ? { [field]: [message] } : undefined, values, conflict, confirm };
    }
  };
}
