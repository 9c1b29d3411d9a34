// The front's copy of reader answers, as sent (compressed, with every header): a hit is answered
// without entering Next.js at all. Next's request pipeline costs milliseconds of CPU even when the
// page comes from its cache; this costs a map look-up. docs/caching.md, decision 0008.
//
// It never answers anything Next would not: it holds only successful answers to reader routes,
// for plain navigations (not the client router's RSC requests), and it forgets everything the
// moment any cache tag is expired in this process, or, with REDIS_URL, in any instance (the cache
// handler counts expiries in globalThis.__claimtrailCacheGeneration). Entries also lapse after a
// minute, so time-based revalidation shows through.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { LRUCache } from "lru-cache";
import { chunkToBuffer, etagMatches } from "@/lib/http/reader-cache";

type Entry = { status: number; headers: OutgoingHttpHeaders; body: Buffer; generation: number };

/** Marks an answer sent from this cache. */
export const HIT_HEADER = "x-claimtrail-cache";

/** Requests whose answer differs from a plain navigation's: left to Next. */
const BYPASS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "next-url", "range", "authorization"];

/** How many times a cache tag has been expired in this process (or, with Redis, anywhere). */
export function cacheGeneration(): number {
  return (globalThis as { __claimtrailCacheGeneration?: number }).__claimtrailCacheGeneration ?? 0;
}

export function createResponseCache(options: { maxBytes: number; ttlMs: number }) {
  const store = new LRUCache<string, Entry>({
    maxSize: options.maxBytes,
    sizeCalculation: (entry) => entry.body.length + 1024,
    ttl: options.ttlMs,
  });

  /** The key of a request the cache may answer, or null. */
  function keyOf(req: IncomingMessage): string | null {
    if (req.method !== "GET" && req.method !== "HEAD") return null;
    if (BYPASS.some((name) => req.headers[name] !== undefined)) return null;
    // Compression chose the encoding from this header: an answer is only reused for the same one.
    return `${req.url}\n${req.headers["accept-encoding"] ?? ""}`;
  }

  /** Answers from the cache; false when there is nothing current to answer with. */
  function serve(req: IncomingMessage, res: ServerResponse, key: string): boolean {
    const entry = store.get(key);
    if (!entry) return false;
    if (entry.generation !== cacheGeneration()) {
      store.delete(key);
      return false;
    }
    const etag = entry.headers.etag;
    if (typeof etag === "string" && etagMatches(req.headers["if-none-match"], etag)) {
      const headers = { ...entry.headers };
      for (const name of ["content-length", "content-encoding", "content-type"]) delete headers[name];
      // Browsers merge a 304's headers into the copy they keep: it says where this answer came from.
      res.writeHead(304, { ...headers, [HIT_HEADER]: "HIT" });
      res.end();
      return true;
    }
    res.writeHead(entry.status, { ...entry.headers, [HIT_HEADER]: "HIT" });
    res.end(req.method === "HEAD" ? undefined : entry.body);
    return true;
  }

  /**
   * Keeps what `res` sends, as sent. Install before anything that transforms the body
   * (compression), so that it sees the bytes that reach the socket.
   */
  function record(res: ServerResponse, key: string): void {
    const generation = cacheGeneration();
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      const buffer = chunkToBuffer(chunk, rest[0]);
      if (buffer) chunks.push(buffer);
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      const buffer = chunkToBuffer(chunk, rest[0]);
      if (buffer) chunks.push(buffer);
      const result = end(chunk, ...rest);
      // Only a success, with no cookie, rendered while no write expired anything.
      if (res.statusCode === 200 && !res.hasHeader("set-cookie") && generation === cacheGeneration()) {
        const body = Buffer.concat(chunks);
        const headers = { ...res.getHeaders() };
        delete headers["transfer-encoding"];
        delete headers.date;
        // Next's word on where its answer came from is not this copy's.
        delete headers["x-nextjs-cache"];
        headers["content-length"] = String(body.length);
        store.set(key, { status: 200, headers, body, generation });
      }
      return result;
    }) as typeof res.end;
  }

  return { keyOf, serve, record, size: () => ({ entries: store.size, bytes: store.calculatedSize }) };
}

export type ResponseCache = ReturnType<typeof createResponseCache>;
