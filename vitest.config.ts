import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

const shared = {
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // `server-only` throws outside React Server Components; tests call server modules directly.
      { find: "server-only", replacement: path.join(root, "tests/setup/empty-module.ts") },
    ],
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          environment: "node",
          include: ["lib/**/*.test.ts", "components/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"],
        },
      },
      {
        ...shared,
        test: {
          name: "integration",
          environment: "node",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/global-postgres.ts"],
          setupFiles: ["tests/setup/database.ts"],
          // One database, reset before each test: files run one after another.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Better Auth reaches next/headers itself (to set the session cookie); processing it
          // through Vitest lets tests give it the request stand-in of tests/setup/next-request.ts.
          server: { deps: { inline: ["better-auth"] } },
        },
      },
    ],
  },
});
