import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { EvidenceForm } from "@/components/desk/evidence-form";
import { requirePagePermission } from "@/lib/auth/session";
import { getDeskClaim } from "@/lib/claims/queries";
import { updateEvidenceAction } from "@/lib/evidence/actions";
import { entityLabel } from "@/lib/entities/schema";
import { evidenceFormOptions } from "@/lib/evidence/options";
import { instantToWallClock } from "@/lib/time/wall-clock";
import { describeTimeZone } from "@/lib/time/zones";

export const metadata: Metadata = { title: "Edit evidence" };

export default async function EditEvidencePage({ params }: { params: Promise<{ id: string; evidenceId: string }> }) {
  const { id, evidenceId } = await params;
  // Before anything else: an id that is not a UUID is a 404 for everyone, and never reaches the
  // database nor the sign-in link.
  if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(evidenceId).success) notFound();
  const viewer = await requirePagePermission("evidence.update", `/desk/claims/${id}/evidence/${evidenceId}`);
  const claim = await getDeskClaim(id);
  const evidence = claim?.evidence.find((item) => item.id === evidenceId && !item.removedAt);
  if (!claim || !evidence) notFound();
  return (
    <>
      <p className="text-sm text-muted">Claim: {claim.statement}</p>
      <h1 className="mt-1 font-serif text-3xl font-bold">Edit evidence</h1>
      <div className="mt-6">
        <EvidenceForm
          action={updateEvidenceAction}
          claimId={claim.id}
          evidence={{ id: evidence.id, version: evidence.version }}
          defaults={{
            url: evidence.url,
            headline: evidence.headline,
            // The stored instant, on the clock of the editor's zone: the zone the form takes it back in.
            publishedAt: evidence.publishedAt ? instantToWallClock(evidence.publishedAt, viewer.timeZone) : "",
            stance: evidence.stance,
            sourcing: evidence.sourcing,
            outlet: evidence.outlet ? [{ type: "existing", id: evidence.outlet.id, label: entityLabel({ ...evidence.outlet, description: "" }) }] : [],
            speaker: evidence.speaker ? [{ type: "existing", id: evidence.speaker.id, label: entityLabel({ ...evidence.speaker, domain: null }) }] : [],
            speakerDescription: evidence.speakerDescription ?? "",
            quote: evidence.quote,
            derivedFromId: evidence.derivedFromId ?? "",
            derivation: evidence.derivation ?? "",
          }}
          timeZone={{ id: viewer.timeZone, description: describeTimeZone(viewer.timeZone, new Date()) }}
          {...await evidenceFormOptions(claim, evidence.id)}
        />
      </div>
    </>
  );
}
