// The check every way of logging a claim makes first: claims that look like it are shown, and the
// claim is logged only once the person confirms it is a different one.
import "server-only";
import type { FormState } from "@/lib/actions/form-state";
import { findSimilarClaims } from "@/lib/claims/queries";

/** The form's answer when `statement` looks like existing claims and was not confirmed; null to go on. */
export async function similarClaimsRefusal(input: { statement: string; confirmNotDuplicate: boolean }, advice: string): Promise<FormState | null> {
  if (input.confirmNotDuplicate) return null;
  const similar = await findSimilarClaims(input.statement);
  if (similar.length === 0) return null;
  return {
    status: "error",
    message: `These claims look similar. ${advice}, or confirm that this is a different claim.`,
    similar: similar.map(({ id, statement, status, publication }) => ({ id, statement, status, publication })),
    confirm: ["confirmNotDuplicate"],
  };
}
