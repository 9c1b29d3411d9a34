// The app server's ear for expiries sent by background jobs (lib/jobs/expire.ts): a PostgreSQL
// LISTEN connection that hands each notification's tags to this process's cache handler and
// front. Runs in scripts/server.ts, outside Next's request scope, so it cannot use next/cache; it
// reaches the handler through the object lib/cache/handler.mjs keeps on globalThis.
import pg from "pg";
import { z } from "zod";

export const EXPIRY_CHANNEL = "claimtrail_expire";

const Tags = z.array(z.string().min(1).max(200)).max(500);

type Handler = { revalidateTag(tag: string): Promise<void> | void };
const store = globalThis as unknown as {
  __claimtrailCache?: Promise<{ handlers: Handler[] }>;
  __claimtrailCacheGeneration?: number;
};

/** Expires `tags` in this process: the cache handler's entries and the front's copies. */
export async function expireTagsInThisProcess(tags: readonly string[]): Promise<void> {
  store.__claimtrailCacheGeneration = (store.__claimtrailCacheGeneration ?? 0) + 1;
  const cache = await store.__claimtrailCache;
  for (const handler of cache?.handlers ?? []) {
    for (const tag of tags) await handler.revalidateTag(tag);
  }
}

export type ExpiryListener = { stop: () => Promise<void> };

/** LISTENs on EXPIRY_CHANNEL, reconnecting (1 s, doubling to 30 s) whenever the connection drops. */
export function listenForExpiry(connectionString: string, onTags: (tags: string[]) => Promise<void> = expireTagsInThisProcess): ExpiryListener {
  let client: pg.Client | undefined;
  let stopped = false;
  let delay = 1_000;
  let timer: NodeJS.Timeout | undefined;

  const connect = async () => {
    if (stopped) return;
    const next = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
    client = next;
    next.on("error", () => retry(next));
    next.on("end", () => retry(next));
    next.on("notification", (message) => {
      let raw: unknown;
      try {
        raw = JSON.parse(message.payload ?? "");
      } catch {
        raw = undefined;
      }
      const parsed = Tags.safeParse(raw);
      if (!parsed.success) {
        console.error(`[cache] ignored a malformed expiry notification: ${String(message.payload).slice(0, 100)}`);
        return;
      }
      onTags(parsed.data).catch((error: unknown) => console.error(`[cache] expiring ${parsed.data.join(", ")} failed: ${String(error)}`));
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${EXPIRY_CHANNEL}`);
      delay = 1_000;
    } catch {
      retry(next);
    }
  };

  const retry = (failed: pg.Client) => {
    if (stopped || client !== failed || timer) return;
    client = undefined;
    failed.end().catch(() => {});
    // Expiries sent while this was deaf are lost: drop every copy, to be safe.
    store.__claimtrailCacheGeneration = (store.__claimtrailCacheGeneration ?? 0) + 1;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, delay);
    timer.unref();
    delay = Math.min(delay * 2, 30_000);
  };

  void connect();
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await client?.end().catch(() => {});
    },
  };
}
