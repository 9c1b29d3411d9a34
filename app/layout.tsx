import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { siteConfig } from "@/lib/env";
import "./globals.css";

export function generateMetadata(): Metadata {
  const site = siteConfig();
  return {
    metadataBase: new URL(site.url),
    title: { default: `Claimtrail · ${site.name}`, template: "%s · Claimtrail" },
    description: "Claims in the news, what the evidence says, and how our verdicts changed.",
    openGraph: { siteName: site.name },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#fbfaf7" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans antialiased flex flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-10 focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <header className="border-b border-rule bg-white">
          <div className="mx-auto flex max-w-3xl items-baseline justify-between gap-4 px-4 py-3 sm:py-4">
            <Link href="/" className="font-serif text-2xl font-bold tracking-tight text-ink no-underline">
              Claim<span className="text-accent">trail</span>
            </Link>
            {/* Readers' navigation only: staff find the desk through "Staff sign-in" in the footer. */}
            <nav aria-label="Main" className="flex gap-x-4 sm:gap-x-6">
              <Link href="/" className="whitespace-nowrap text-sm font-medium text-muted hover:text-ink">
                All claims
              </Link>
              <Link href="/search" className="whitespace-nowrap text-sm font-medium text-muted hover:text-ink">
                Search
              </Link>
            </nav>
          </div>
        </header>
        {/* Reading pages keep a comfortable measure; a page area marked data-wide (the desk) uses a desktop's width. */}
        <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 has-[[data-wide]]:max-w-7xl">
          {children}
        </main>
        <footer className="border-t border-rule bg-white">
          <div className="mx-auto max-w-3xl px-4 py-6 text-sm text-muted">
            <p>
              {siteConfig().name} tracks claims in the news with Claimtrail: who reported them, who denied
              them, and every change of our verdict, with the reasons.{" "}
              <a href="/feeds/changes.xml" className="underline underline-offset-2">
                Follow the changes (Atom feed)
              </a>
            </p>
            <p className="mt-3">
              <Link href="/sign-in" prefetch={false} className="underline decoration-rule underline-offset-2 hover:text-ink">
                Staff sign-in
              </Link>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
