// Cached data for reader pages that are rendered per request (home, feeds, sitemap): on a hit,
// no query reaches PostgreSQL. The ISR pages (claim, entity) are cached whole instead.
import "server-only";
import { unstable_cache } from "next/cache";

type Encoded = { $date: string } | Encoded[] | { [key: string]: Encoded } | string | number | boolean | null;

/** Dates survive the cache's JSON as tagged objects, which no user string can pose as. */
function encode(value: unknown): Encoded {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encode(item)]));
  return (value ?? null) as Encoded;
}

function decode(value: Encoded): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === "object") {
    if ("$date" in value && typeof value.$date === "string" && Object.keys(value).length === 1) return new Date(value.$date);
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, decode(item as Encoded)]));
  }
  return value;
}

/** Carries a result that must not be stored out of the cache's callback. */
class NotStored {
  constructor(readonly value: unknown) {}
}

/**
 * `load` cached under `key` and expired by any of `tags`. The result must be JSON data and Dates
 * (what Prisma returns for plain columns); `undefined` fields come back as null. Results for which
 * `store` says false (a miss, say) are returned without being kept, so that made-up keys cannot
 * fill the cache.
 */
export async function cachedData<T>(
  key: readonly string[],
  tags: readonly string[],
  load: () => Promise<T>,
  store: (value: T) => boolean = () => true,
): Promise<T> {
  const cached = unstable_cache(
    async () => {
      const value = await load();
      if (!store(value)) throw new NotStored(value);
      return encode(value);
    },
    ["reader", ...key],
    { tags: [...tags], revalidate: 3600 },
  );
  try {
    return decode(await cached()) as T;
  } catch (error) {
    if (error instanceof NotStored) return error.value as T;
    throw error;
  }
}
