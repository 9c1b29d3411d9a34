// What the cache handler (lib/cache/handler.mjs, loaded by Next on its own) reports about its
// store, read through globalThis because the app's bundles and the handler share nothing else.
export type CacheStats = {
  /** "memory" (this process's LRU), "redis" (shared), or "off". */
  store: "memory" | "redis" | "off";
  entries: number;
  bytes: number;
  limitEntries: number;
  limitBytes: number;
};

/** Null until Next has created the handler (on the first cacheable request). */
export function cacheStats(): CacheStats | null {
  const stats = (globalThis as { __claimtrailCacheStats?: CacheStats }).__claimtrailCacheStats;
  return stats ? { ...stats } : null;
}
