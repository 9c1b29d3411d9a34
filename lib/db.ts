import "server-only";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { serverEnv } from "@/lib/env";

// One client per server process. In development, Next re-evaluates modules on every change, so the
// client is kept on globalThis to avoid opening a new pool each time.
const globalForPrisma = globalThis as unknown as { claimtrailPrisma?: PrismaClient };

export function db(): PrismaClient {
  globalForPrisma.claimtrailPrisma ??= createPrismaClient(serverEnv().DATABASE_URL);
  return globalForPrisma.claimtrailPrisma;
}
