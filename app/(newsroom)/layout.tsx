import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { canVerify } from "@/lib/claims/status";
import { signOutAction } from "@/lib/auth/actions";
import { getViewer } from "@/lib/auth/session";
import { timeZoneCity } from "@/lib/time/zones";

const ROLE_LABEL = { editor: "Editor", fact_checker: "Fact-checker", admin: "Admin" } as const;

// The desk's frame. Every page checks the viewer and its permission itself (and sends a
// signed-out visitor to sign-in, back to that page): layouts are not re-run on every navigation,
// and they are never the security boundary.
export default async function NewsroomLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  if (!viewer) return children;
  return (
    <div data-wide>
      <nav aria-label="Desk" className="-mt-4 mb-8 flex flex-wrap items-center gap-x-5 gap-y-2 border-b border-rule pb-3 text-sm">
        <Link href="/desk" className="font-semibold hover:underline">
          Desk
        </Link>
        <Link href="/desk/claims" className="font-semibold hover:underline">
          Claims
        </Link>
        {can(viewer, "claim.create") ? (
          <Link href="/desk/intake" className="font-semibold hover:underline">
            New from article
          </Link>
        ) : null}
        {canVerify(viewer.role) ? (
          <Link href="/desk/review" className="font-semibold hover:underline">
            Review queue
          </Link>
        ) : null}
        <Link href="/desk/entities" className="font-semibold hover:underline">
          People &amp; organisations
        </Link>
        {can(viewer, "user.manage") ? (
          <Link href="/desk/accounts" className="font-semibold hover:underline">
            Accounts
          </Link>
        ) : null}
        {can(viewer, "token.manage") ? (
          <Link href="/desk/api-tokens" className="font-semibold hover:underline">
            API tokens
          </Link>
        ) : null}
        {can(viewer, "webhook.manage") ? (
          <Link href="/desk/webhooks" className="font-semibold hover:underline">
            Webhooks
          </Link>
        ) : null}
        <Link href="/desk/account" className="ml-auto text-muted hover:text-ink hover:underline">
          {viewer.name} · {ROLE_LABEL[viewer.role]} · {timeZoneCity(viewer.timeZone)}
        </Link>
        <form action={signOutAction}>
          <button type="submit" className="font-semibold text-accent hover:underline">
            Sign out
          </button>
        </form>
      </nav>
      {children}
    </div>
  );
}
