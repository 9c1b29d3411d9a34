// How a background job changes what readers see: it cannot call next/cache (it runs outside
// Next.js, perhaps on another machine), so it asks every app server through PostgreSQL, in the
// transaction of its own write. Each server listens (lib/cache/expiry-listener.ts) and expires
// the tags in its cache and its front's copies.
import "server-only";
import { EXPIRY_CHANNEL } from "@/lib/cache/expiry-listener";

type Sql = { $executeRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<number> };

/** Sent when `sql`'s transaction commits (PostgreSQL holds NOTIFY until then); nothing on rollback. */
export async function notifyExpired(sql: Sql, tags: readonly string[]): Promise<void> {
  if (tags.length === 0) return;
  await sql.$executeRaw`SELECT pg_notify(${EXPIRY_CHANNEL}, ${JSON.stringify([...new Set(tags)])})`;
}
