// npm run prisma -- <args>: Prisma 7's CLI, set up for machines that cannot download engines.
// (`npx prisma` is ambiguous here: the prisma6 alias used by scripts/lib/schema-sql.ts also
// installs a `prisma` binary.) Only `generate`, `format` and `validate` work offline; migrations
// go through `npm run db:migrate` (docs/decisions/0002-migration-runner.md).
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const result = spawnSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    // generate never runs the schema engine, but tries to download it unless this points at a file.
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? path.join(root, "package.json"),
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
