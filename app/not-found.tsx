import Link from "next/link";

export default function NotFound() {
  return (
    <div className="py-12 text-center">
      <p className="text-sm font-semibold uppercase tracking-wider text-muted">404</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">We could not find that page</h1>
      <p className="mt-3 text-muted">The claim may not exist, or it has not been published.</p>
      <p className="mt-6">
        <Link href="/" className="font-semibold text-accent underline underline-offset-4">
          See all published claims
        </Link>
      </p>
    </div>
  );
}
