// Builds a PrismaClient on the pg driver adapter. Shared by the app (lib/db.ts), scripts and tests,
// so all of them talk to Postgres the same way.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type ClientOptions = {
  max?: number;
  /**
   * Called with every error the driver adapter raises (a failed query, a connection that could not
   * be opened, a transaction that could not start), before Prisma wraps it. The app uses it to
   * notice that the database is unreachable (lib/db/unavailable.ts).
   */
  onDriverError?: (error: unknown) => void;
};

export function createPrismaClient(connectionString: string, options: ClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max: options.max ?? 10,
    // pg's default of 0 waits forever for a connection; fail fast instead.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter: options.onDriverError ? observingErrors(adapter, options.onDriverError) : adapter });
}

// The methods whose result is itself an adapter object to observe: the factory's connection and a
// transaction started on it.
const RETURNS_QUERYABLE = new Set<PropertyKey>(["connect", "startTransaction"]);

/**
 * The same adapter object, with every method's failure (thrown or rejected) shown to `onError`
 * first and then passed on unchanged. Every statement Prisma runs goes through one of these
 * methods, so this sees every error the database causes, including those Prisma raises from
 * `$transaction` itself.
 */
function observingErrors<T extends object>(target: T, onError: (error: unknown) => void): T {
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        let result: unknown;
        try {
          result = (value as (...parameters: unknown[]) => unknown).apply(object, args);
        } catch (error) {
          onError(error);
          throw error;
        }
        if (!(result instanceof Promise)) return result;
        return result.then(
          (resolved: unknown) =>
            RETURNS_QUERYABLE.has(property) && typeof resolved === "object" && resolved !== null ? observingErrors(resolved, onError) : resolved,
          (error: unknown) => {
            onError(error);
            throw error;
          },
        );
      };
    },
  });
}

export type { PrismaClient };
