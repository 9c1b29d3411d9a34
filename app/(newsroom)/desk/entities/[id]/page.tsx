import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { EntityForm } from "@/components/desk/entity-form";
import { MergeEntityForm } from "@/components/desk/merge-entity-form";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { updateEntityAction } from "@/lib/entities/actions";
import { entityOptions } from "@/lib/entities/options";
import { getEntity } from "@/lib/entities/queries";

export const metadata: Metadata = { title: "Edit person or organisation" };

export default async function EditEntityPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Before anything else: an id that is not a UUID is a 404 for everyone, and never reaches the
  // database nor the sign-in link.
  if (!z.uuid().safeParse(id).success) notFound();
  const viewer = await requirePagePermission("entity.update", `/desk/entities/${id}`);
  const [entity, options] = await Promise.all([getEntity(id), entityOptions()]);
  if (!entity) notFound();
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">{entity.name}</h1>
      <div className="mt-6">
        <EntityForm
          action={updateEntityAction}
          organisations={options.filter((option) => option.kind === "organisation")}
          entity={{ id: entity.id, loadedAt: entity.updatedAt.toISOString() }}
          defaults={{
            kind: entity.kind,
            name: entity.name,
            description: entity.description,
            affiliationId: entity.affiliationId ?? "",
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
            <MergeEntityForm sourceId={entity.id} candidates={options.filter((option) => option.kind === entity.kind && option.id !== entity.id)} />
          </div>
        </section>
      ) : null}
    </>
  );
}
