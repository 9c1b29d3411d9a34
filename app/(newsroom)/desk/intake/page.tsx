import type { Metadata } from "next";
import { ArticleIntake } from "@/components/desk/intake";
import { requirePagePermission } from "@/lib/auth/session";
import { describeTimeZone } from "@/lib/time/zones";

export const metadata: Metadata = { title: "New from article" };

export default async function IntakePage() {
  const viewer = await requirePagePermission("claim.create", "/desk/intake");
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">New from article</h1>
      <p className="mt-1 max-w-3xl text-muted">
        Paste an article or its web address: we propose the claims it reports, and for each the reports, denials and
        refusals to comment it quotes. Nothing is saved until you accept it.
      </p>
      <div className="mt-6">
        <ArticleIntake timeZone={{ id: viewer.timeZone, description: describeTimeZone(viewer.timeZone, new Date()) }} />
      </div>
    </>
  );
}
