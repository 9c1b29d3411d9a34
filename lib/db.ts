import "server-only";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { noteDatabaseError } from "@/lib/db/unavailable";
import { serverEnv } from "@/lib/env";

// One client per server process. In development, Next re-evaluates modules on every change, so the
// client is kept on globalThis to avoid opening a new pool each time.
const globalForPrisma = globalThis as unknown as { claimtrailPrisma?: PrismaClient };

export function db(): PrismaClient {
  // Every driver error is shown to the outage signal, which the HTTP front reads to answer 503
  // instead of 500 while the database is unreachable (docs/decisions/0009-database-outage.md).
  globalForPrisma.claimtrailPrisma ??= createPrismaClient(serverEnv().DATABASE_URL, { onDriverError: noteDatabaseError });
  return globalForPrisma.claimtrailPrisma;
}
