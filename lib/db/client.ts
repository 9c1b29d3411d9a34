// Builds a PrismaClient on the pg driver adapter. Shared by the app (lib/db.ts), scripts and tests,
// so all of them talk to Postgres the same way.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export function createPrismaClient(connectionString: string, options: { max?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max: options.max ?? 10,
    // pg's default of 0 waits forever for a connection; fail fast instead.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter });
}

export type { PrismaClient };
