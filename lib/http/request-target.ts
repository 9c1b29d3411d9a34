// What the HTTP front checks about a request before Next.js sees it. Pure and unit-tested.
//
// Next.js decodes dynamic path segments itself and answers a bare "Internal Server Error" (without
// our headers) when a segment is not valid percent-encoded UTF-8; unknown methods such as TRACE
// crash its route handlers; a refused server action becomes a 500. Each of these is decided here
// instead, from the request line and headers alone.
import { isStorableText } from "@/lib/text";

export type TargetCheck =
  | { ok: true; pathname: string }
  | { ok: false; reason: "malformed" | "asterisk" | "absolute" };

/**
 * Reads the request target (the raw string after the method). Only origin-form ("/path?query")
 * is served; every path segment must decode to storable text.
 */
export function checkRequestTarget(target: string | undefined): TargetCheck {
  if (target === "*") return { ok: false, reason: "asterisk" };
  if (!target || !target.startsWith("/")) return { ok: false, reason: "absolute" };
  const pathEnd = target.search(/[?#]/);
  const rawPath = pathEnd === -1 ? target : target.slice(0, pathEnd);
  const segments: string[] = [];
  for (const segment of rawPath.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return { ok: false, reason: "malformed" };
    }
    if (!isStorableText(decoded)) return { ok: false, reason: "malformed" };
    segments.push(decoded);
  }
  return { ok: true, pathname: segments.join("/") };
}

/** The methods Next.js knows; anything else (TRACE, CONNECT, PROPFIND…) is answered by us. */
export const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);

/**
 * A server action is refused when its Origin is present but is not this site: "null" (sandboxed
 * frames, file: pages), a value that does not parse, or another host. This is the check Next.js
 * makes (Origin against the first X-Forwarded-Host, else Host), made before Next.js sees the
 * request so that a refusal is a 403 and not Next's 500. A missing Origin is let through, as Next
 * does: browsers send it on every POST, so only hand-made requests lack it, and those carry no one
 * else's cookies.
 */
export function actionOriginRefusal(headers: { origin?: string; host?: string; forwardedHost?: string }): string | null {
  const { origin } = headers;
  if (origin === undefined) return null;
  if (origin === "null") return "an opaque origin (null)";
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return "an origin that is not a URL";
  }
  const host = headers.forwardedHost?.split(",")[0]?.trim() || headers.host;
  if (!host || originHost !== host) return "a foreign origin";
  return null;
}

/**
 * The client's address, for per-address throttling. With no trusted proxy (the default), it is
 * the socket's peer and X-Forwarded-For is ignored: a client could write anything there. Behind
 * `hops` proxies that each append the address they saw, the client is the entry `hops` places from
 * the right; entries further left were written by the client and are never read.
 */
export function clientAddressFrom(socketAddress: string | undefined, forwardedFor: string | undefined, hops: number): string {
  const socket = socketAddress || "unknown";
  if (hops <= 0) return socket;
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length < hops) return entries[0] ?? socket;
  return entries[entries.length - hops] ?? socket;
}

/** The request header the front sets to the client's address (any incoming one is dropped). */
export const CLIENT_ADDRESS_HEADER = "x-claimtrail-client-address";
