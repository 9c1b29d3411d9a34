// The store behind Next.js's ISR page cache and its tagged data cache (`cacheHandler` in
// next.config.ts; decision 0008). Plain JavaScript because Next loads it at run time and while
// building, outside the TypeScript toolchain.
//
// - With REDIS_URL: one Redis (or Valkey) shared by every instance, through
//   @fortedigital/nextjs-cache-handler's redis-strings handler, so that a write on one instance
//   invalidates the page on all of them.
// - Without it: a bounded in-memory LRU in this process (READER_CACHE_MB, default 256 MB, and at
//   most READER_CACHE_ENTRIES entries, default 10,000). Nothing is written to disk, so a cache
//   can never outlive the database it was filled from.
// - READER_CACHE=off: nothing is stored (for the benchmark's "uncached" figures).
//
// Pages that answered 404 are never stored: a flood of made-up slugs costs one indexed look-up
// each and cannot grow the cache, and a draft that is published later shows at once.
import { readFileSync } from "node:fs";
import path from "node:path";
import { CacheHandler } from "@fortedigital/nextjs-cache-handler";
import createRedisHandler from "@fortedigital/nextjs-cache-handler/redis-strings";
import { PHASE_PRODUCTION_BUILD } from "next/constants.js";
import { LRUCache } from "lru-cache";
import { createClient } from "redis";

const MB = 1024 * 1024;
/** Entries with no revalidation time of their own expire after a day: nothing lives forever. */
const ttl = { defaultStaleAge: 24 * 60 * 60 };

/** A positive whole number from the environment, or `fallback`. */
function positive(name, fallback) {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** Entries Next asks to store that must not be kept: error and not-found pages. */
function isStorable(entry) {
  const value = entry?.value;
  if (!value) return false;
  if (value.kind === "APP_PAGE" || value.kind === "APP_ROUTE") return (value.status ?? 200) < 400;
  return true;
}

/**
 * The entry with the tags its render collected. @fortedigital/nextjs-cache-handler reads them from
 * the `x-next-cache-tags` header for pages (APP_PAGE) only; for route handlers cached whole
 * (APP_ROUTE: the share cards) Next puts them in the same header and passes none beside, so
 * without this such an entry would carry no tag and no write could expire it.
 */
export function withRouteTags(entry) {
  if (entry?.value?.kind !== "APP_ROUTE" || entry.tags?.length) return entry;
  const header = entry.value.headers?.["x-next-cache-tags"];
  const tags = Array.isArray(header) ? header : typeof header === "string" ? header.split(",").filter(Boolean) : [];
  return tags.length ? { ...entry, tags: Object.freeze(tags) } : entry;
}

/**
 * Wraps a handler so that 404s and errors are never written, and so that a store that fails (Redis
 * gone) costs a miss instead of failing the request or the write that expired a tag: the data is
 * in PostgreSQL, and entries expire within the day anyway.
 */
function guarded(handler, announce = () => {}) {
  const logged = (what) => (error) => console.error(`[cache] ${what} failed: ${error?.message ?? error}`);
  return {
    ...handler,
    name: `${handler.name}+guarded`,
    set: (key, entry, ctx) => (isStorable(entry) ? handler.set(key, withRouteTags(entry), ctx).catch(logged("set")) : Promise.resolve()),
    revalidateTag: async (tag) => {
      // The HTTP front's copies of reader answers (lib/http/response-cache.ts) go at once.
      expired();
      await Promise.resolve(handler.revalidateTag(tag)).catch(logged(`expiring ${tag}`));
      await Promise.resolve(announce(tag)).catch(logged(`announcing ${tag}`));
    },
  };
}

/** Counts expiries, for the HTTP front's response cache, which lives in this process too. */
function expired() {
  globalThis.__claimtrailCacheGeneration = (globalThis.__claimtrailCacheGeneration ?? 0) + 1;
}

const noStore = {
  name: "off",
  get: () => Promise.resolve(null),
  set: () => Promise.resolve(),
  revalidateTag: () => Promise.resolve(),
  delete: () => Promise.resolve(),
};

/** What /api/health reports about the cache. On globalThis: the app's bundles and this module,
 *  which Next loads on its own, share the one object. */
const stats = (globalThis.__claimtrailCacheStats ??= { store: "memory", entries: 0, bytes: 0, limitEntries: 0, limitBytes: 0 });

/**
 * An in-memory LRU bounded in entries and bytes, with tag invalidation: the same contract as the
 * library's local-lru handler, which keeps its store private; this one reports its size.
 */
function localLru() {
  const limitBytes = positive("READER_CACHE_MB", 256) * MB;
  const limitEntries = positive("READER_CACHE_ENTRIES", 10_000);
  const store = new LRUCache({
    max: limitEntries,
    maxSize: limitBytes,
    // Entries hold Buffers (RSC payloads); their JSON is an upper bound of what they weigh.
    sizeCalculation: (entry) => Math.max(1, JSON.stringify(entry).length),
  });
  /** When each implicit (path) tag was last invalidated: entries older than that are misses. */
  const pathTagsInvalidatedAt = new Map();
  const update = () => Object.assign(stats, { entries: store.size, bytes: store.calculatedSize });
  Object.assign(stats, { store: "memory", limitBytes, limitEntries });
  return {
    name: "memory-lru",
    async get(key, { implicitTags = [] } = {}) {
      const entry = store.get(key);
      if (!entry) return null;
      for (const tag of implicitTags) {
        if ((pathTagsInvalidatedAt.get(tag) ?? 0) > entry.lastModified) {
          store.delete(key);
          update();
          return null;
        }
      }
      return entry;
    },
    async set(key, entry) {
      store.set(key, entry);
      update();
    },
    async revalidateTag(tag) {
      for (const [key, entry] of store.entries()) if (entry.tags.includes(tag)) store.delete(key);
      if (tag.startsWith("_N_T_")) pathTagsInvalidatedAt.set(tag, Date.now());
      update();
    },
    async delete(key) {
      store.delete(key);
      update();
    },
  };
}

async function redisHandler(url) {
  const client = createClient({ url, pingInterval: 10_000, socket: { connectTimeout: 5_000 } });
  client.on("error", (error) => console.error(`[cache] Redis: ${error.message}`));
  await client.connect();
  Object.assign(stats, { store: "redis", limitBytes: 0, limitEntries: 0 });
  // Entries name the build's script files: a new deploy must not serve the last one's pages.
  const build = readFileSync(path.join(process.cwd(), ".next", "BUILD_ID"), "utf8").trim();
  const prefix = `${process.env.REDIS_KEY_PREFIX ?? "claimtrail"}:${build}:`;
  // Every instance hears of every expiry, so that its front forgets its copies too.
  const channel = `${prefix}expired`;
  const subscriber = client.duplicate();
  subscriber.on("error", (error) => console.error(`[cache] Redis subscriber: ${error.message}`));
  await subscriber.connect();
  await subscriber.subscribe(channel, () => expired());
  const handler = createRedisHandler({ client, keyPrefix: prefix, timeoutMs: 1_000 });
  return guarded(handler, (tag) => client.publish(channel, tag));
}

CacheHandler.onCreation(async () => {
  // One configuration per process, however many times Next creates the handler.
  globalThis.__claimtrailCache ??= (async () => {
    if (process.env.READER_CACHE === "off") {
      Object.assign(stats, { store: "off" });
      return { handlers: [noStore], ttl };
    }
    const url = process.env.REDIS_URL;
    // The build prerenders nothing that reads the database; it needs no shared store.
    if (url && process.env.NEXT_PHASE !== PHASE_PRODUCTION_BUILD) {
      try {
        return { handlers: [await redisHandler(url)], ttl };
      } catch (error) {
        // Serving from a private cache would let this instance show pages other instances have
        // invalidated. Serve uncached instead, and say so.
        console.error(`[cache] REDIS_URL is set but Redis cannot be reached (${error.message}): serving without a cache.`);
        Object.assign(stats, { store: "off" });
        return { handlers: [noStore], ttl };
      }
    }
    return { handlers: [guarded(localLru())], ttl };
  })();
  return globalThis.__claimtrailCache;
});

export default CacheHandler;
