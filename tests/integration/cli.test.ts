// How `npm start` fails: one clear line, no stack trace, nothing started.
import { execFile } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { freePort } from "@/scripts/lib/embedded-postgres";

const root = path.resolve(import.meta.dirname, "../..");

async function start(env: Record<string, string>) {
  try {
    await promisify(execFile)(path.join(root, "node_modules/.bin/tsx"), ["scripts/serve.ts", "start"], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "test", ...env },
      timeout: 60_000,
    });
    return { code: 0, stderr: "" };
  } catch (error) {
    const failure = error as { code?: number; stderr?: string };
    return { code: failure.code ?? -1, stderr: failure.stderr ?? "" };
  }
}

describe("npm start", () => {
  it("names an unreachable DATABASE_URL in one line, password hidden", async () => {
    const port = await freePort();
    const result = await start({ DATABASE_URL: "postgresql://app:secret@127.0.0.1:1/claimtrail", PORT: String(port) });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^✖ Cannot reach the database at postgresql:\/\/app:\*\*\*@127\.0\.0\.1:1\/claimtrail \(ECONNREFUSED/);
    expect(result.stderr).not.toContain("secret");
  });

  it("says so when the port is already in use", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const result = await start({ DATABASE_URL: "postgresql://app:secret@127.0.0.1:1/claimtrail", PORT: String(port) });
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(
        `✖ Port ${port} is already in use. Stop what is using it, or pick another: PORT=${port + 1} npm start`,
      );
    } finally {
      blocker.close();
    }
  });

  it("refuses a PORT that is not a port number", async () => {
    const result = await start({ PORT: "eighty" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('✖ PORT must be a number from 1 to 65535, not "eighty".');
  });
});
