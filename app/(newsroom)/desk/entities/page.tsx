import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { listEntities } from "@/lib/entities/queries";
import { parseSearchParams, type RawSearchParams, textParam } from "@/lib/search-params";

export const metadata: Metadata = { title: "People and organisations" };

const FLASH: Record<string, string> = { created: "Added.", saved: "Saved.", merged: "Merged: every reference now points at the entry you kept." };

const ParamsSchema = z.object({ q: textParam(200) });

export default async function EntitiesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requirePagePermission("desk.read", "/desk/entities");
  const query = await searchParams;
  const { q } = parseSearchParams(ParamsSchema, query);
  const entities = await listEntities({ q });
  const flash = Object.keys(FLASH).find((key) => query[key]);
  return (
    <>
      {flash ? (
        <p role="status" className="mb-6 rounded-md bg-status-positive-bg px-4 py-3 text-sm font-medium text-status-positive">
          {FLASH[flash]}
        </p>
      ) : null}
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="font-serif text-3xl font-bold">People &amp; organisations</h1>
        {can(viewer, "entity.create") ? (
          <Link href="/desk/entities/new" className="inline-flex min-h-11 items-center rounded-md bg-ink px-4 py-2 font-semibold text-white hover:bg-ink/85">
            Add
          </Link>
        ) : null}
      </div>
      <form method="get" role="search" className="mt-4">
        <label className="text-sm font-semibold">
          Find by name
          <input name="q" type="search" defaultValue={q ?? ""} className="mt-1 block w-full rounded-md border border-rule px-3 py-2 font-normal" />
        </label>
      </form>
      {entities.length === 0 ? (
        <p className="mt-6 text-muted">Nobody matches.</p>
      ) : (
        <ul className="mt-6 divide-y divide-rule border-y border-rule" aria-label="People and organisations">
          {entities.map((entity) => (
            <li key={entity.id} className="flex flex-wrap items-baseline justify-between gap-2 py-3">
              <div>
                <p className="font-semibold">
                  {entity.name} <span className="text-xs font-normal uppercase text-muted">{entity.kind}</span>
                </p>
                <p className="text-sm text-muted">
                  {[entity.description, entity.affiliation?.name, entity.domain].filter(Boolean).join(" · ")}
                </p>
                <p className="text-xs text-muted">
                  {entity._count.claims} claims · {entity._count.evidenceAsOutlet + entity._count.evidenceAsSpeaker} pieces of evidence
                </p>
              </div>
              {can(viewer, "entity.update") ? (
                <Link href={`/desk/entities/${entity.id}`} className="text-sm font-semibold hover:underline" aria-label={`Edit ${entity.name}`}>
                  Edit or merge
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
