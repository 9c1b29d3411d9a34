// Data steps that a schema migration needs but plain SQL cannot do, run once right after the
// migration that needs them is applied (by npm run db:migrate and npm start). Each step must be
// safe to run again: a crash between the migration and its step is repaired by running it by hand
// (`npm run db:migrate -- --data NAME`).
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { refreshReviewState } from "@/lib/review/mutations";

const BATCH = 500;

export const DATA_STEPS: Record<string, (prisma: PrismaClient) => Promise<number>> = {
  // The review queue's suggestions are derived by lib/review/suggestions.ts, which SQL cannot run:
  // the migration's own backfill leaves them at 0, so every claim is refreshed here once.
  "20261128090054_review_queue": async (prisma) => {
    let refreshed = 0;
    let after: string | undefined;
    for (;;) {
      const batch = await prisma.claim.findMany({
        where: after ? { id: { gt: after } } : {},
        orderBy: { id: "asc" },
        take: BATCH,
        select: { id: true },
      });
      if (batch.length === 0) return refreshed;
      await prisma.$transaction((tx) => refreshReviewState(tx, batch.map((claim) => claim.id)));
      refreshed += batch.length;
      after = batch.at(-1)!.id;
    }
  },
};

/** Runs the data steps of the migrations just applied, in order; returns what each touched. */
export async function runDataSteps(connectionString: string, applied: readonly string[]): Promise<string[]> {
  const due = applied.filter((name) => name in DATA_STEPS);
  if (due.length === 0) return [];
  const prisma = createPrismaClient(connectionString, { max: 2 });
  try {
    const done: string[] = [];
    for (const name of due) done.push(`${name}: ${await DATA_STEPS[name]!(prisma)} rows`);
    return done;
  } finally {
    await prisma.$disconnect();
  }
}
