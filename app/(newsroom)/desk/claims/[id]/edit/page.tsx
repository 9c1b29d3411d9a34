import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ClaimForm } from "@/components/desk/claim-form";
import { requirePagePermission } from "@/lib/auth/session";
import { updateClaimAction } from "@/lib/claims/actions";
import { getDeskClaim } from "@/lib/claims/queries";
import { entityOptions } from "@/lib/entities/options";

export const metadata: Metadata = { title: "Edit claim" };

export default async function EditClaimPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Before anything else: an id that is not a UUID is a 404 for everyone, and never reaches the
  // database nor the sign-in link.
  if (!z.uuid().safeParse(id).success) notFound();
  await requirePagePermission("claim.update", `/desk/claims/${id}/edit`);
  const [claim, entities] = await Promise.all([getDeskClaim(id), entityOptions()]);
  if (!claim) notFound();
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Edit claim</h1>
      <div className="mt-6">
        <ClaimForm
          action={updateClaimAction}
          entities={entities}
          claim={{ id: claim.id, version: claim.version }}
          defaults={{
            statement: claim.statement,
            context: claim.context,
            eventDate: claim.eventDate?.toISOString().slice(0, 10) ?? "",
            eventDatePrecision: claim.eventDatePrecision,
            tags: claim.tags.join(", "),
            entityIds: claim.entities.map(({ entity }) => entity.id),
          }}
        />
      </div>
    </>
  );
}
