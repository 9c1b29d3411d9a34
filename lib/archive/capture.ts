// One fetch of an evidence URL, turned into what a snapshot keeps: status, final URL, the raw body
// (cut at the size cap), its readable text, and a SHA-256 of each. Every request goes through
// outboundFetch, the one SSRF guard. No database here: lib/archive/jobs.ts stores the result.
import "server-only";
import { createHash } from "node:crypto";
import robotsParser from "robots-parser";
import { extractReadable } from "@/lib/archive/readable";
import { archiveEnv } from "@/lib/env";
import { outboundFetch, OutboundError, outboundUserAgent } from "@/lib/net/outbound";

export type Capture = {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  contentType: string | null;
  html: Buffer;
  htmlTruncated: boolean;
  text: string;
  htmlSha256: string;
  textSha256: string;
};

export function sha256(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** The charset a Content-Type names, if Node can decode it; else UTF-8. */
function decode(body: Buffer, contentType: string | null): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType ?? "")?.[1]?.toLowerCase();
  try {
    return new TextDecoder(charset ?? "utf-8").decode(body);
  } catch {
    return new TextDecoder("utf-8").decode(body);
  }
}

export function isHtml(contentType: string | null): boolean {
  return contentType === null || /^(text\/html|application\/xhtml\+xml)/i.test(contentType);
}

/** Fetches `url` once (following redirects) and extracts its text. Throws OutboundError. */
export async function capture(url: string): Promise<Capture> {
  const env = archiveEnv();
  const answer = await outboundFetch(url, {
    timeoutMs: env.timeoutMs,
    maxBytes: env.maxBytes,
    truncate: true,
    headers: { Accept: "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5" },
  });
  const contentType = typeof answer.headers["content-type"] === "string" ? answer.headers["content-type"] : null;
  const decoded = decode(answer.body, contentType);
  const text = isHtml(contentType) ? extractReadable(decoded, answer.url).text : /^text\//i.test(contentType ?? "") ? decoded.trim() : "";
  return {
    requestedUrl: url,
    finalUrl: answer.url,
    status: answer.status,
    contentType,
    html: answer.body,
    htmlTruncated: answer.truncated,
    text,
    htmlSha256: sha256(answer.body),
    textSha256: sha256(text),
  };
}

/**
 * Whether the site's robots.txt lets Claimtrail fetch `url` (only asked with
 * ARCHIVE_RESPECT_ROBOTS=1). A robots.txt that is missing or cannot be read allows everything, as
 * crawlers treat it.
 */
export async function robotsAllow(url: string): Promise<boolean> {
  const robotsUrl = new URL("/robots.txt", url).toString();
  try {
    const answer = await outboundFetch(robotsUrl, { timeoutMs: 5_000, maxBytes: 512 * 1024, truncate: true });
    if (answer.status < 200 || answer.status >= 300) return true;
    const robots = robotsParser(robotsUrl, answer.body.toString("utf8"));
    return robots.isAllowed(url, outboundUserAgent()) !== false;
  } catch (error) {
    if (error instanceof OutboundError) return true;
    throw error;
  }
}

/** Errors worth another try later: the network or the server may recover. */
export function isTransient(error: OutboundError): boolean {
  return error.code === "timeout" || error.code === "network";
}

/** A failed fetch in words an editor can act on. */
export function describeFailure(error: OutboundError): string {
  switch (error.code) {
    case "timeout":
      return "the site did not answer in time";
    case "blocked-address":
      return "the address is on a private network, which Claimtrail does not fetch";
    case "bad-url":
      return "the address is not a web address Claimtrail can fetch";
    case "too-many-redirects":
      return "the page redirects too many times";
    case "too-large":
      return "the page is too large";
    case "network":
      return `the site could not be reached (${error.message})`;
  }
}

/** Whether `finalUrl` is its site's home page while `linkedUrl` was not (an article retired by redirect). */
export function isHomeRedirect(linkedUrl: string, finalUrl: string): boolean {
  try {
    const linked = new URL(linkedUrl);
    const final = new URL(finalUrl);
    const home = (url: URL) => url.pathname === "/" || /^\/(index\.\w+|home|[a-z]{2}(-[a-z]{2})?)\/?$/i.test(url.pathname);
    return home(final) && !home(linked);
  } catch {
    return false;
  }
}
