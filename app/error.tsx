"use client";

import { useEffect } from "react";

// Shown when a page fails on the server (for example, the database is down). Never shows the
// error's text: the digest lets an operator find the full error in the server log.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div role="alert" className="py-12 text-center">
      <h1 className="font-serif text-3xl font-bold">Something went wrong on our side</h1>
      <p className="mt-3 text-muted">Nothing you did caused this. Please try again in a moment.</p>
      {error.digest ? <p className="mt-2 text-xs text-muted">Reference: {error.digest}</p> : null}
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-ink px-4 py-2 font-semibold text-white hover:bg-ink/85"
      >
        Try again
      </button>
    </div>
  );
}
