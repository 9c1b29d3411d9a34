import Link from "next/link";

// Rendered with HTTP 401 where a desk page shows a signed-out visitor a page instead of sending
// them to sign-in. In the desk's route group for the same reason as forbidden.tsx.
export default function Unauthorized() {
  return (
    <div className="py-8 text-center">
      <p className="text-sm font-semibold uppercase tracking-wider text-muted">401</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">Sign in to see this page</h1>
      <p className="mt-3 text-muted">This part of Claimtrail is for newsroom staff.</p>
      <p className="mt-6">
        <Link href="/sign-in" className="font-semibold text-accent underline underline-offset-4">
          Sign in
        </Link>
      </p>
    </div>
  );
}
