import type { Metadata, Route } from "next";
import { redirect } from "next/navigation";
import { safeNextPath } from "@/lib/auth/schema";
import { getViewer } from "@/lib/auth/session";
import { SignInForm } from "./_components/sign-in-form";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

type Props = { searchParams: Promise<{ next?: string | string[]; signedOut?: string; invited?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === "string" ? params.next : undefined);
  if (await getViewer()) redirect(next as Route);
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="font-serif text-3xl font-bold">Sign in to the desk</h1>
      <p className="mt-2 text-muted">For newsroom staff. Readers need no account.</p>
      {params.signedOut || params.invited ? (
        <p role="status" className="mt-4 rounded-md bg-status-neutral-bg px-4 py-3 text-sm">
          {params.invited ? "Your password is set. Sign in with it now." : "You are signed out."}
        </p>
      ) : null}
      <div className="mt-6">
        <SignInForm next={next} />
      </div>
    </div>
  );
}
