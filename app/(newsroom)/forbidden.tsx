import Link from "next/link";

// Rendered with HTTP 403 wherever a desk page calls `forbidden()`. It lives in the desk's route
// group, not at the root, because Next sends this file with every page under its segment: reader
// pages must not carry it.
export default function Forbidden() {
  return (
    <div className="py-8 text-center">
      <p className="text-sm font-semibold uppercase tracking-wider text-muted">403</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">Your role does not give access to this page</h1>
      <p className="mt-3 text-muted">If you need it, ask an admin to change your role.</p>
      <p className="mt-6">
        <Link href="/desk" className="font-semibold text-accent underline underline-offset-4">
          Back to the claims
        </Link>
      </p>
    </div>
  );
}
