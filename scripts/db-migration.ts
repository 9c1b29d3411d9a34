// npm run db:migration -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql with the
// SQL that takes the last committed schema.prisma to the one in the working tree, computed by
// Prisma's own differ (scripts/lib/schema-sql.ts). The drift test keeps the committed schema and
// the migrations in step, which is what makes the committed schema a faithful starting point.
// Review the file and add by hand what Prisma cannot express (triggers, CHECK constraints).
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { MIGRATIONS_DIR, readMigrations } from "@/lib/db/migrate";
import { ROOT, runScript } from "./lib/database.ts";
import { startEmbeddedPostgres } from "./lib/embedded-postgres.ts";
import { readSchema, schemaDiffSql } from "./lib/schema-sql.ts";

await runScript(async () => {
  const name = process.argv[2] ?? "";
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("Usage: npm run db:migration -- <name_in_snake_case>");
  const base = process.env.MIGRATION_BASE ?? "HEAD";
  const previous = execFileSync("git", ["show", `${base}:prisma/schema.prisma`], { cwd: ROOT, encoding: "utf8" });
  const current = await readSchema();

  const server = await startEmbeddedPostgres({
    dataDir: path.join(os.tmpdir(), `claimtrail-diff-${randomUUID()}`),
    ephemeral: true,
  });
  let sql: string;
  try {
    sql = await schemaDiffSql({ fromSchema: previous, toSchema: current, databaseUrl: server.url("postgres") });
  } finally {
    await server.stop();
  }
  if (!/^\s*[A-Z]/m.test(sql.replace(/^--.*$/gm, ""))) {
    console.log(`schema.prisma has no changes since ${base}; no migration written.`);
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  if (existsSync(dir)) throw new Error(`${dir} already exists.`);
  const last = (await readMigrations()).at(-1)?.name ?? "";
  // Migrations apply in name order; a new one must come last (check the clock if this fires).
  if (path.basename(dir) <= last) throw new Error(`${path.basename(dir)} would sort before ${last}.`);
  await mkdir(dir);
  await writeFile(path.join(dir, "migration.sql"), sql);
  console.log(`Wrote ${path.relative(ROOT, dir)}/migration.sql. Review it, then run npm run db:migrate.`);
});
