import type { Metadata } from "next";
import { TimeZoneForm } from "@/components/desk/time-zone-form";
import { requirePagePermission } from "@/lib/auth/session";
import { newsroomTimeZone } from "@/lib/env";
import { describeTimeZone, listTimeZones } from "@/lib/time/zones";

export const metadata: Metadata = { title: "Your account" };

const ROLE_LABEL = { editor: "Editor", fact_checker: "Fact-checker", admin: "Admin" } as const;

export default async function AccountPage() {
  const viewer = await requirePagePermission("profile.update", "/desk/account");
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Your account</h1>
      <p className="mt-2 text-muted">
        {viewer.name} · {viewer.email} · {ROLE_LABEL[viewer.role]}
      </p>
      <section aria-labelledby="time-zone" className="mt-6 max-w-xl rounded-lg border border-rule bg-white p-5">
        <h2 id="time-zone" className="font-serif text-xl font-bold">
          Time zone
        </h2>
        <p className="mt-1 text-sm text-muted">Now: {describeTimeZone(viewer.timeZone, new Date())}.</p>
        <div className="mt-4">
          <TimeZoneForm chosen={viewer.chosenTimeZone} newsroomZone={newsroomTimeZone()} zones={listTimeZones()} />
        </div>
      </section>
    </>
  );
}
