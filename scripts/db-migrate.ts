// npm run db:migrate — applies pending migrations to DATABASE_URL, or to the embedded database.
import { migrate } from "@/lib/db/migrate";
import { loadDotEnv, openDatabase, runScript } from "./lib/database.ts";

await runScript(async () => {
  loadDotEnv();
  const database = await openDatabase();
  try {
    const result = await migrate(database.url);
    console.log(
      result.applied.length
        ? `Applied ${result.applied.length} migration(s) to ${database.describe}:\n  ${result.applied.join("\n  ")}`
        : `${database.describe} is up to date (${result.alreadyApplied} migrations applied).`,
    );
  } finally {
    await database.stop();
  }
});
