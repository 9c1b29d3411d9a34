// Scalar's standalone bundle, read from the installed @scalar/api-reference (served by
// /api/v1/docs/scalar.js, so the reference page loads no script from a CDN).
import "server-only";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

const PACKAGE = path.join(process.cwd(), "node_modules", "@scalar", "api-reference");

let loaded: Promise<{ body: Buffer; etag: string }> | undefined;

export function scalarBundle(): Promise<{ body: Buffer; etag: string }> {
  loaded ??= readFile(path.join(PACKAGE, "dist", "browser", "standalone.js")).then((body) => ({
    body,
    etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`,
  }));
  return loaded;
}

let version: string | undefined;

/** The bundle's URL, versioned by the package's version, so that it can be cached for a year. */
export function scalarBundleUrl(): string {
  version ??= (JSON.parse(readFileSync(path.join(PACKAGE, "package.json"), "utf8")) as { version: string }).version;
  return `/api/v1/docs/scalar.js?v=${encodeURIComponent(version)}`;
}
