// npm run db:migrate — applies pending migrations to DATABASE_URL, or to the embedded database,
// then the data steps those migrations need (lib/db/data-migrations.ts).
// npm run db:migrate -- --data NAME runs one data step again by hand.
import { runDataSteps } from "@/lib/db/data-migrations";
import { migrate } from "@/lib/db/migrate";
import { loadDotEnv, openDatabase, runScript } from "./lib/database.ts";

await runScript(async () => {
  loadDotEnv();
  const database = await openDatabase();
  try {
    const dataFlag = process.argv.indexOf("--data");
    if (dataFlag !== -1) {
      const name = process.argv[dataFlag + 1] ?? "";
      console.log((await runDataSteps(database.url, [name])).join("\n") || `No data step is named "${name}".`);
      return;
    }
    const result = await migrate(database.url);
    for (const line of await runDataSteps(database.url, result.applied)) console.log(`Data step ${line}`);
    console.log(
      result.applied.length
        ? `Applied ${result.applied.length} migration(s) to ${database.describe}:\n  ${result.applied.join("\n  ")}`
        : `${database.describe} is up to date (${result.alreadyApplied} migrations applied).`,
    );
  } finally {
    await database.stop();
  }
});
