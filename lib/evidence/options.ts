import "server-only";
import type { DeskClaim } from "@/lib/claims/queries";
import { entityOptions } from "@/lib/entities/options";

/** What the evidence form's pickers offer: outlets, speakers, and the claim's other evidence. */
export async function evidenceFormOptions(claim: DeskClaim, exceptEvidenceId?: string) {
  const entities = await entityOptions();
  return {
    outlets: entities.filter((entity) => entity.kind === "organisation").map(({ id, name, domain }) => ({ id, name, domain })),
    speakers: entities.map(({ id, name, description }) => ({ id, name, description })),
    siblings: claim.evidence
      .filter((item) => !item.removedAt && item.id !== exceptEvidenceId)
      .map((item) => ({ id: item.id, label: `${item.outlet?.name ?? "Unattributed"}: ${item.headline}` })),
  };
}
