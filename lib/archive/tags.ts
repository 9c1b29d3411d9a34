// The cache tag names the archive jobs expire, without next/cache (jobs run outside Next.js). Must
// match lib/cache/tags.ts's TAG.claim.
export const TAG_NAMES = {
  claim: (slug: string) => `claim:${slug}`,
} as const;
