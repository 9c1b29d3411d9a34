// npm run account:first-admin -- "Name" email@newsroom.org
// Creates the first admin of an installation and prints their one-time invitation link. Refused
// once an active admin exists. Runs the same mutation the app uses.
import { AccountCreateSchema } from "@/lib/accounts/schema";
import { createFirstAdmin } from "@/lib/accounts/mutations";
import { migrate } from "@/lib/db/migrate";
import { loadDotEnv, openDatabase, runScript } from "./lib/database.ts";

await runScript(async () => {
  loadDotEnv();
  const [name, email] = process.argv.slice(2);
  const parsed = AccountCreateSchema.safeParse({ name, email, role: "admin" });
  if (!parsed.success) throw new Error('Usage: npm run account:first-admin -- "Full Name" email@newsroom.org');
  const database = await openDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET ??= "unused-by-this-script-but-required-by-env-parsing";
  try {
    await migrate(database.url);
    const { invitationUrl } = await createFirstAdmin({ name: parsed.data.name, email: parsed.data.email });
    console.log(`Admin account created for ${parsed.data.email}. Their one-time link to set a password:\n  ${invitationUrl}`);
  } finally {
    await database.stop();
  }
});
