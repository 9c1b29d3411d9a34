import Link from "next/link";
import { StatusBadge } from "@/components/claims/status-badge";
import { DateTime } from "@/components/ui/date-time";
import type { PublishedClaimListItem } from "@/lib/claims/queries";
import { STATUS_INFO } from "@/lib/claims/status";

export function ClaimList({ claims, label, timeZone }: { claims: PublishedClaimListItem[]; label: string; timeZone: string }) {
  return (
    <ul className="divide-y divide-rule border-y border-rule" aria-label={label}>
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
                  {STATUS_INFO[last.fromStatus].label} → {STATUS_INFO[last.toStatus].label} on <DateTime value={last.createdAt} timeZone={timeZone} />
                </>
              ) : (
                <>
                  Updated <DateTime value={claim.updatedAt} timeZone={timeZone} />
                </>
              )}
              {" · "}
              {claim._count.evidence} {claim._count.evidence === 1 ? "source" : "sources"}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
