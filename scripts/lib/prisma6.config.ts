// Configuration for Prisma 6.19's Wasm schema engine, used only to compute SQL from schema.prisma
// offline (authoring migrations and the drift test; see scripts/lib/schema-sql.ts). Prisma 7's
// schema engine is a binary that cannot be downloaded on our machines.
import { PrismaPg } from "prisma6-adapter-pg";
import { defineConfig } from "prisma6/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: process.env.SCHEMA_SQL_SCHEMA,
  async adapter() {
    return new PrismaPg({ connectionString: process.env.SCHEMA_SQL_DATABASE_URL });
  },
});
