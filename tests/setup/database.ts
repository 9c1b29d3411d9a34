// Runs in each integration test file: points the app's database module at the test database and
// empties it before every test.
import { beforeEach, inject } from "vitest";
import { resetDatabase } from "@/tests/setup/reset";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= "integration-tests-secret-of-at-least-32-characters";

beforeEach(async () => {
  await resetDatabase(inject("databaseUrl"));
});
