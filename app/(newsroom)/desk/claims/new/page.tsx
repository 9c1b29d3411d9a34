import type { Metadata } from "next";
import { ClaimForm } from "@/components/desk/claim-form";
import { requirePagePermission } from "@/lib/auth/session";
import { createClaimAction } from "@/lib/claims/actions";

export const metadata: Metadata = { title: "Log a claim" };

export default async function NewClaimPage() {
  await requirePagePermission("claim.create", "/desk/claims/new");
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Log a claim</h1>
      <p className="mt-1 text-muted">It is saved as an unverified draft; link the reports next, then publish.</p>
      <div className="mt-6">
        <ClaimForm
          action={createClaimAction}
          defaults={{ statement: "", context: "", eventDate: "", eventDatePrecision: "day", tags: "", entities: [] }}
        />
      </div>
    </>
  );
}
