// Prisma CLI configuration. The CLI is only used for `prisma generate` here (see
// docs/decisions/0002-migration-runner.md); migrations are applied by scripts/db-migrate.ts.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
