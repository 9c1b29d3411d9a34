import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { StatusBadge } from "@/components/claims/status-badge";
import { PublicationSelect, StatusSelect } from "@/components/claims/status-select";
import { DateTime } from "@/components/ui/date-time";
import { Pager } from "@/components/ui/pager";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { listClaimTags, listDeskClaims } from "@/lib/claims/queries";
import { STANCE_LABEL } from "@/lib/evidence/stance";
import { VerificationStatus } from "@/lib/generated/prisma/enums";
import { optionalParam, pageParam, parseSearchParams, type RawSearchParams, textParam, withParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Claims" };

const FiltersSchema = z.object({
  status: optionalParam(z.enum(Object.values(VerificationStatus))),
  publication: optionalParam(z.enum(["draft", "published"])),
  tag: textParam(40),
  mine: optionalParam(z.literal("1")),
  q: textParam(200),
  page: pageParam,
});

const SELECT = "mt-1 block w-full rounded-md border border-rule bg-white px-3 py-2 font-normal";

type Props = { searchParams: Promise<RawSearchParams> };

export default async function DeskClaimsPage({ searchParams }: Props) {
  const viewer = await requirePagePermission("desk.read", "/desk/claims");
  const filters = parseSearchParams(FiltersSchema, await searchParams);
  const [{ claims, total, pages }, tags] = await Promise.all([
    listDeskClaims({ ...filters, createdById: filters.mine ? viewer.id : undefined }),
    listClaimTags(),
  ]);

  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="font-serif text-3xl font-bold">Claims</h1>
          <p className="mt-1 text-sm text-muted">{total === 1 ? "1 claim" : `${total} claims`}, most recently updated first.</p>
        </div>
        {can(viewer, "claim.create") ? (
          <Link href="/desk/claims/new" className="inline-flex min-h-11 items-center rounded-md bg-ink px-4 py-2 font-semibold text-white hover:bg-ink/85">
            Log a claim
          </Link>
        ) : null}
      </div>

      <form method="get" className="mt-6 grid grid-cols-1 gap-3 rounded-lg border border-rule bg-white p-4 sm:grid-cols-2 lg:grid-cols-3" role="search" aria-label="Filter claims">
        <label className="text-sm font-semibold sm:col-span-2 lg:col-span-3">
          Search
          <input name="q" type="search" defaultValue={filters.q ?? ""} placeholder="Words in the statement or context" className="mt-1 block w-full rounded-md border border-rule px-3 py-2 font-normal" />
        </label>
        <StatusSelect value={filters.status} className={SELECT} />
        <PublicationSelect value={filters.publication} className={SELECT} />
        <label className="text-sm font-semibold">
          Tag
          <select name="tag" defaultValue={filters.tag ?? ""} className={SELECT}>
            <option value="">Any tag</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm font-semibold">
          <input type="checkbox" name="mine" value="1" defaultChecked={Boolean(filters.mine)} className="h-4 w-4" />
          Only claims I logged
        </label>
        <div className="flex gap-3 sm:col-span-2 lg:col-span-2 lg:justify-end">
          <button type="submit" className="min-h-11 rounded-md bg-ink px-4 py-2 font-semibold text-white">
            Apply
          </button>
          <Link href="/desk/claims" className="inline-flex min-h-11 items-center px-2 text-sm font-semibold text-muted hover:text-ink">
            Clear
          </Link>
        </div>
      </form>

      {claims.length === 0 ? (
        <p className="mt-8 rounded-lg border border-dashed border-rule bg-white p-8 text-center text-muted">
          No claims match these filters.
        </p>
      ) : (
        <ul className="mt-6 divide-y divide-rule border-y border-rule" aria-label="Claims">
          {claims.map((claim) => (
            <li key={claim.id} className="py-4">
              <div className="flex flex-wrap items-center gap-2">
                <StatusBadge status={claim.status} />
                <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${claim.publication === "draft" ? "bg-status-warning-bg text-status-warning" : "bg-status-positive-bg text-status-positive"}`}>
                  {claim.publication === "draft" ? "Draft" : "Published"}
                </span>
                {claim.tags.map((tag) => (
                  <span key={tag} className="text-xs text-muted">
                    #{tag}
                  </span>
                ))}
              </div>
              <h2 className="mt-1 font-serif text-lg leading-snug">
                <Link href={`/desk/claims/${claim.id}`} className="hover:underline underline-offset-4">
                  {claim.statement}
                </Link>
              </h2>
              <p className="mt-1 text-sm text-muted">
                {Object.entries(claim.evidenceByStance).length === 0
                  ? "No evidence yet"
                  : Object.entries(claim.evidenceByStance)
                      .map(([stance, count]) => `${STANCE_LABEL[stance as keyof typeof STANCE_LABEL]}: ${count}`)
                      .join(" · ")}
                {" · "}logged by {claim.createdBy.name} · updated <DateTime value={claim.updatedAt} timeZone={viewer.timeZone} />
              </p>
            </li>
          ))}
        </ul>
      )}

      <Pager page={filters.page} pages={pages} href={(page) => withParams("/desk/claims", { ...filters, page })} />
    </>
  );
}
