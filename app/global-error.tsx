"use client";

// Last resort when the root layout itself fails; it must render its own <html>.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "3rem 1rem", textAlign: "center" }}>
        <h1>Claimtrail is having trouble</h1>
        <p>Please try again in a moment.</p>
        {error.digest ? <p style={{ fontSize: 12, color: "#5b6270" }}>Reference: {error.digest}</p> : null}
        <button type="button" onClick={reset}>
          Try again
        </button>
      </body>
    </html>
  );
}
