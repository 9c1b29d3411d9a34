// The names reader pages and their data are cached under, and the two ways to use them: a render
// adds tags to itself, and a write expires the tags of what it changed (docs/caching.md).
import "server-only";
import { revalidateTag, unstable_cache } from "next/cache";

export { TAG } from "@/lib/cache/tag-names";

/** Next keeps at most 128 tags per entry; past this many, a page is tagged by its kind instead. */
const MAX_TAGS = 100;

/**
 * Adds `tags` to the page or route being rendered (the ISR entry carries every tag of the cached
 * calls made while rendering it). `fallback` stands in when there are too many to list.
 */
export async function tagRender(tags: readonly string[], fallback: string): Promise<void> {
  const unique = [...new Set(tags)];
  const kept = unique.length > MAX_TAGS ? [...unique.slice(0, MAX_TAGS - 1), fallback] : unique;
  await unstable_cache(async () => true, ["render-tags", ...kept], { tags: kept })();
}

/** Expires `tags` at once: the next load of any page carrying one of them is rendered afresh. */
export function expireTags(tags: Iterable<string>): void {
  for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 });
}
