import "server-only";
import type { DeskClaim } from "@/lib/claims/queries";

/** What the evidence form's pickers offer besides entities (searched as the editor types): the claim's other evidence. */
export async function evidenceFormOptions(claim: DeskClaim, exceptEvidenceId?: string) {
  return {
    siblings: claim.evidence
      .filter((item) => !item.removedAt && item.id !== exceptEvidenceId)
      .map((item) => ({ id: item.id, label: `${item.outlet?.name ?? "Unattributed"}: ${item.headline}` })),
  };
}
