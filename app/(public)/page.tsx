import Link from "next/link";
import { connection } from "next/server";
import { StatusBadge } from "@/components/claims/status-badge";
import { DateTime } from "@/components/ui/date-time";
import { listPublishedClaims } from "@/lib/claims/queries";
import { STATUS_INFO } from "@/lib/claims/status";

export default async function HomePage() {
  await connection();
  const claims = await listPublishedClaims();

  return (
    <>
      <h1 className="font-serif text-3xl font-bold tracking-tight sm:text-4xl">Claims we are tracking</h1>
      <p className="mt-2 text-muted">
        What has been reported, what the evidence says, and where each claim stands now.
      </p>

      {claims.length === 0 ? (
        <p className="mt-10 rounded-lg border border-dashed border-rule bg-white p-8 text-center text-muted">
          No claims have been published yet.
        </p>
      ) : (
        <ul className="mt-8 divide-y divide-rule border-y border-rule" aria-label="Published claims">
          {claims.map((claim) => {
            const last = claim.transitions[0];
            return (
              <li key={claim.slug} className="py-5">
                <StatusBadge status={claim.status} />
                <h2 className="mt-2 font-serif text-xl leading-snug">
                  <Link href={`/claims/${claim.slug}`} className="hover:underline underline-offset-4">
                    {claim.statement}
                  </Link>
                </h2>
                <p className="mt-1 text-sm text-muted">
                  {last && last.fromStatus ? (
                    <>
                      {STATUS_INFO[last.fromStatus].label} → {STATUS_INFO[last.toStatus].label} on{" "}
                      <DateTime value={last.createdAt} />
                    </>
                  ) : (
                    <>
                      Updated <DateTime value={claim.updatedAt} />
                    </>
                  )}
                  {" · "}
                  {claim._count.evidence} {claim._count.evidence === 1 ? "source" : "sources"}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
