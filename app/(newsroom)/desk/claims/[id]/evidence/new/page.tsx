import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { EMPTY_EVIDENCE, EvidenceForm } from "@/components/desk/evidence-form";
import { requirePagePermission } from "@/lib/auth/session";
import { getDeskClaim } from "@/lib/claims/queries";
import { linkEvidenceAction } from "@/lib/evidence/actions";
import { evidenceFormOptions } from "@/lib/evidence/options";
import { describeTimeZone } from "@/lib/time/zones";

export const metadata: Metadata = { title: "Link evidence" };

export default async function NewEvidencePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Before anything else: an id that is not a UUID is a 404 for everyone, and never reaches the
  // database nor the sign-in link.
  if (!z.uuid().safeParse(id).success) notFound();
  const viewer = await requirePagePermission("evidence.link", `/desk/claims/${id}/evidence/new`);
  const claim = await getDeskClaim(id);
  if (!claim) notFound();
  return (
    <>
      <p className="text-sm text-muted">Claim: {claim.statement}</p>
      <h1 className="mt-1 font-serif text-3xl font-bold">Link evidence</h1>
      <div className="mt-6">
        <EvidenceForm
          action={linkEvidenceAction}
          claimId={claim.id}
          defaults={EMPTY_EVIDENCE}
          timeZone={{ id: viewer.timeZone, description: describeTimeZone(viewer.timeZone, new Date()) }}
          {...await evidenceFormOptions(claim)}
        />
      </div>
    </>
  );
}
