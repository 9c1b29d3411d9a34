import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InvitationTokenSchema } from "@/lib/accounts/schema";
import { InvitationForm } from "./invitation-form";

export const metadata: Metadata = { title: "Set your password", robots: { index: false }, referrer: "no-referrer" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  // Not a link we could have made: 404, rather than a form that can only fail.
  const parsed = InvitationTokenSchema.safeParse((await params).token);
  if (!parsed.success) notFound();
  const token = parsed.data;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="font-serif text-3xl font-bold">Set your password</h1>
      <p className="mt-2 text-muted">Welcome to the newsroom desk. Choose a password to finish setting up your account.</p>
      <div className="mt-6">
        <InvitationForm token={token} />
      </div>
    </div>
  );
}
