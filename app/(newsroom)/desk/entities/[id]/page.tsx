import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { EntityForm } from "@/components/desk/entity-form";
import { MergeEntityForm } from "@/components/desk/merge-entity-form";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { updateEntityAction } from "@/lib/entities/actions";
import { getEntity } from "@/lib/entities/queries";
import { entityLabel } from "@/lib/entities/schema";

export const metadata: Metadata = { title: "Edit person or organisation" };

export default async function EditEntityPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Before anything else: an id that is not a UUID is a 404 for everyone, and never reaches the
  // database nor the sign-in link.
  if (!z.uuid().safeParse(id).success) notFound();
  const viewer = await requirePagePermission("entity.update", `/desk/entities/${id}`);
  const entity = await getEntity(id);
  if (!entity) notFound();
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">{entity.name}</h1>
      <div className="mt-6">
        <EntityForm
          action={updateEntityAction}
          entity={{ id: entity.id, loadedAt: entity.updatedAt.toISOString() }}
          defaults={{
            kind: entity.kind,
            name: entity.name,
            description: entity.description,
            affiliation: entity.affiliation ? [{ type: "existing", id: entity.affiliation.id, label: entityLabel(entity.affiliation) }] : [],
            domain: entity.domain ?? "",
          }}
        />
      </div>
      {can(viewer, "entity.merge") ? (
        <section aria-labelledby="merge" className="mt-10 rounded-lg border border-rule bg-white p-5">
          <h2 id="merge" className="font-serif text-xl font-bold">
            Is this a duplicate?
          </h2>
          <div className="mt-4">
            <MergeEntityForm sourceId={entity.id} kind={entity.kind} />
          </div>
        </section>
      ) : null}
    </>
  );
}
