// Computes the SQL that takes one Prisma schema to another, with Prisma's own differ (Prisma 6.19's
// Wasm schema engine, the only one that runs offline; see docs/decisions/0002-migration-runner.md).
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PRISMA6_CLI = path.join(ROOT, "node_modules/prisma6/build/index.js");
const CONFIG = path.join(ROOT, "scripts/lib/prisma6.config.ts");

/** Prisma 6.19 requires a `url` in the datasource block, which Prisma 7 forbids: add it on a copy. */
function forPrisma6(schema: string): string {
  const withUrl = schema.replace(
    /datasource\s+\w+\s*\{/,
    (block) => `${block}\n  url = env("SCHEMA_SQL_DATABASE_URL")`,
  );
  if (withUrl === schema) throw new Error("schema has no datasource block");
  // The generator is irrelevant to a diff, and its presence makes the CLI fetch a query engine.
  return withUrl.replace(/generator\s+\w+\s*\{[^}]*\}/g, "");
}

/**
 * SQL that turns a database matching `fromSchema` (null: an empty database) into one matching
 * `toSchema`. `databaseUrl` must reach a running Postgres: the engine connects even for a pure
 * schema-to-schema diff, though it changes nothing there.
 */
export async function schemaDiffSql(opts: { fromSchema: string | null; toSchema: string; databaseUrl: string }) {
  const dir = await mkdtemp(path.join(tmpdir(), "claimtrail-schema-"));
  try {
    const toPath = path.join(dir, "to.prisma");
    await writeFile(toPath, forPrisma6(opts.toSchema));
    const from = ["--from-empty"];
    if (opts.fromSchema !== null) {
      const fromPath = path.join(dir, "from.prisma");
      await writeFile(fromPath, forPrisma6(opts.fromSchema));
      from.splice(0, 1, "--from-schema-datamodel", fromPath);
    }
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [PRISMA6_CLI, "migrate", "diff", "--config", CONFIG, ...from, "--to-schema-datamodel", toPath, "--script"],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          SCHEMA_SQL_DATABASE_URL: opts.databaseUrl,
          SCHEMA_SQL_SCHEMA: toPath,
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
          CHECKPOINT_DISABLE: "1",
          // Skip engine downloads (there is no network); the Wasm engine is used instead.
          PRISMA_QUERY_ENGINE_LIBRARY: CONFIG,
          PRISMA_SCHEMA_ENGINE_BINARY: CONFIG,
        },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function readSchema(file = path.join(ROOT, "prisma/schema.prisma")): Promise<string> {
  return readFile(file, "utf8");
}
