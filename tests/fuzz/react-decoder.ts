// React's own server-side decoder of action arguments (the one Next.js runs), in a child process:
// it needs the "react-server" export condition, which the test runner does not set. The oracle
// for lib/http/action-reply.ts: does this reply decode, or does the decoder throw?
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

export type EncodedReply = string | [name: string, value: string][];

const SCRIPT = `
const { decodeReply, createTemporaryReferenceSet } = require("next/dist/compiled/react-server-dom-webpack/server.edge");
const replies = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
(async () => {
  const results = [];
  for (const reply of replies) {
    const body = typeof reply === "string" ? reply : reply.reduce((form, [name, value]) => (form.append(name, value), form), new FormData());
    try {
      await Promise.race([
        decodeReply(body, {}, { temporaryReferences: createTemporaryReferenceSet() }),
        new Promise((_, reject) => setTimeout(() => reject(new Error("no answer within 1 s")), 1000)),
      ]);
      results.push(null);
    } catch (error) {
      results.push(String(error && error.message));
    }
  }
  process.stdout.write(JSON.stringify(results));
  process.exit(0);
})();
`;

/** For each reply, null when React decodes it, or the decoder's error. */
export function decodeWithReact(replies: EncodedReply[]): (string | null)[] {
  const child = spawnSync(process.execPath, ["--conditions=react-server", "-e", SCRIPT], {
    input: JSON.stringify(replies),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`the decoder process failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as (string | null)[];
}

/** React's client-side encoder, as the browser runs it for `action(previousState, formData)`. */
export async function encodeWithReact(args: unknown[]): Promise<EncodedReply> {
  const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-webpack/client.edge") as {
    encodeReply: (value: unknown) => Promise<string | FormData>;
  };
  const encoded = await encodeReply(args);
  return typeof encoded === "string" ? encoded : [...encoded.entries()].map(([name, value]) => [name, String(value)]);
}
