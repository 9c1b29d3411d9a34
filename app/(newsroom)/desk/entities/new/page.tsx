import type { Metadata } from "next";
import { EntityForm } from "@/components/desk/entity-form";
import { requirePagePermission } from "@/lib/auth/session";
import { createEntityAction } from "@/lib/entities/actions";

export const metadata: Metadata = { title: "Add a person or organisation" };

export default async function NewEntityPage() {
  await requirePagePermission("entity.create", "/desk/entities/new");
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Add a person or organisation</h1>
      <div className="mt-6">
        <EntityForm action={createEntityAction} defaults={{ kind: "person", name: "", description: "", affiliation: [], domain: "" }} />
      </div>
    </>
  );
}
