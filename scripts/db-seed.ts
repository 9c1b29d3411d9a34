// npm run db:seed — writes the demo data (idempotent) to DATABASE_URL, or to the embedded database.
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seedDemoData } from "@/prisma/seed";
import { loadDotEnv, openDatabase, runScript } from "./lib/database.ts";

await runScript(async () => {
  loadDotEnv();
  const database = await openDatabase();
  try {
    await migrate(database.url);
    const prisma = createPrismaClient(database.url, { max: 2 });
    try {
      const result = await seedDemoData(prisma);
      console.log(`Seeded ${database.describe}: ${result.claimsCreated} claim(s) created, ${result.claimsSkipped} already there.`);
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await database.stop();
  }
});
