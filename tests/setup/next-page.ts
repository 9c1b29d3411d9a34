// Pages, layouts and metadata functions called as plain async functions, as the integration tests
// call route handlers: what they return, or how they stopped (notFound(), redirect()).
import { redirectTarget } from "@/tests/setup/next-request";

export type PageOutcome = { notFound: true } | { redirectedTo: string } | { rendered: unknown };

/** notFound() throws an error whose digest names the 404 fallback. */
function isNotFound(error: unknown): boolean {
  return (error as { digest?: unknown } | null)?.digest === "NEXT_HTTP_ERROR_FALLBACK;404";
}

export async function pageOutcome(render: () => Promise<unknown>): Promise<PageOutcome> {
  try {
    return { rendered: await render() };
  } catch (error) {
    if (isNotFound(error)) return { notFound: true };
    const target = redirectTarget(error);
    if (target !== null) return { redirectedTo: target };
    throw error;
  }
}
