// Which cached reader pages a write changed (docs/caching.md). Each desk action runs its mutation
// through one of these; they expire exactly the tags of what readers could see change.
import "server-only";
import { type ClaimAudience, claimAudience } from "@/lib/cache/queries";
import { expireTags, TAG } from "@/lib/cache/tags";

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, index) => value === b[index]);

/** The tags a change from `before` to `after` (either may be missing or a draft) expires. */
export function claimChangeTags(before: ClaimAudience | null, after: ClaimAudience | null): string[] {
  const seen = [before, after].filter((state): state is ClaimAudience => state?.published === true);
  // A draft before and after: readers saw nothing and see nothing.
  if (seen.length === 0) return [];
  const tags = [TAG.claims, ...seen.flatMap((state) => [TAG.claim(state.slug), ...state.about.map(TAG.entity), ...state.sources.map(TAG.entity)])];
  // The filters list topics, people and outlets of published claims: they change only when one
  // of those does, or the claim is published or unpublished.
  const filtersChanged =
    before?.published !== after?.published ||
    !before ||
    !after ||
    !same([...before.tags].sort(), [...after.tags].sort()) ||
    !same(before.about, after.about) ||
    !same(before.sources, after.sources);
  if (filtersChanged) tags.push(TAG.filters);
  return tags;
}

/** Runs `write`, a change to one claim (its fields, evidence, status or publication), and expires
 *  the reader pages that show it. Nothing is expired when the write fails. */
export async function changingClaim<T>(claimId: string, write: () => Promise<T>): Promise<T> {
  const before = await claimAudience(claimId);
  const result = await write();
  expireTags(claimChangeTags(before, await claimAudience(claimId)));
  return result;
}

/** An entity's name, description or affiliation changed: its page and every claim page naming it. */
export function entityChanged(...entityIds: string[]): void {
  expireTags([...entityIds.map(TAG.entity), TAG.filters]);
}
