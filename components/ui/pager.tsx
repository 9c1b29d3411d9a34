import type { Route } from "next";
import Link from "next/link";

/** Newer/older links for a paged list; `href` builds the URL of a page. */
export function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" className="mt-6 flex items-center justify-between text-sm">
      {page > 1 ? (
        <Link href={href(page - 1) as Route} className="font-semibold hover:underline" rel="prev">
          ← Newer
        </Link>
      ) : (
        <span />
      )}
      <span className="text-muted">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link href={href(page + 1) as Route} className="font-semibold hover:underline" rel="next">
          Older →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
