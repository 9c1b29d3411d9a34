import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ClaimForm } from "@/components/desk/claim-form";
import { requirePagePermission } from "@/lib/auth/session";
import { updateClaimAction } from "@/lib/claims/actions";
import { getDeskClaim } from "@/lib/claims/queries";
import { entityLabel } from "@/lib/entities/schema";

export const metadata: Metadata = { title: "Edit claim" };

export default async function EditClaimPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Before anything else: an id that is not a UUID is a 404 for everyone, and never reaches the
  // database nor the sign-in link.
  if (!z.uuid().safeParse(id).success) notFound();
  await requirePagePermission("claim.update", `/desk/claims/${id}/edit`);
  const claim = await getDeskClaim(id);
  if (!claim) notFound();
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Edit claim</h1>
      <div className="mt-6">
        <ClaimForm
          action={updateClaimAction}
          claim={{ id: claim.id, version: claim.version }}
          defaults={{
            statement: claim.statement,
            context: claim.context,
            eventDate: claim.eventDate?.toISOString().slice(0, 10) ?? "",
            eventDatePrecision: claim.eventDatePrecision,
            tags: claim.tags.join(", "),
            entities: claim.entities.map(({ entity }) => ({ type: "existing", id: entity.id, label: entityLabel({ ...entity, domain: null }) })),
          }}
        />
      </div>
    </>
  );
}
