import type { Metadata } from "next";
import { EntityForm } from "@/components/desk/entity-form";
import { requirePagePermission } from "@/lib/auth/session";
import { createEntityAction } from "@/lib/entities/actions";
import { entityOptions } from "@/lib/entities/options";

export const metadata: Metadata = { title: "Add a person or organisation" };

export default async function NewEntityPage() {
  await requirePagePermission("entity.create", "/desk/entities/new");
  const organisations = (await entityOptions()).filter((entity) => entity.kind === "organisation");
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Add a person or organisation</h1>
      <div className="mt-6">
        <EntityForm action={createEntityAction} organisations={organisations} defaults={{ kind: "person", name: "", description: "", affiliationId: "", domain: "" }} />
      </div>
    </>
  );
}
