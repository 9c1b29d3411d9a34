import "server-only";
// An article's page, fetched through the one SSRF guard (lib/net/outbound.ts) with intake's caps.
import { OutboundError, outboundFetch } from "@/lib/net/outbound";

export const INTAKE_FETCH_TIMEOUT_MS = 10_000;
export const INTAKE_FETCH_MAX_BYTES = 3 * 1024 * 1024;

/** A fetch that failed, with a message an editor can act on. */
export class ArticleFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArticleFetchError";
  }
}

const MESSAGES: Record<OutboundError["code"], string> = {
  "bad-url": "That web address cannot be fetched. Check it, or paste the article's text instead.",
  "blocked-address": "That address points inside a private network, which we do not fetch. Paste the article's text instead.",
  timeout: `The page did not answer within ${INTAKE_FETCH_TIMEOUT_MS / 1000} seconds. Try again, or paste the article's text instead.`,
  "too-large": `The page is larger than ${INTAKE_FETCH_MAX_BYTES / 1024 / 1024} MB. Paste the article's text instead.`,
  "too-many-redirects": "The page redirects too many times. Paste the article's text instead.",
  network: "The page could not be reached. Check the address, or paste the article's text instead.",
};

export async function fetchArticlePage(url: string): Promise<{ html: string; finalUrl: string }> {
  let response;
  try {
    response = await outboundFetch(url, {
      headers: { accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1" },
      timeoutMs: INTAKE_FETCH_TIMEOUT_MS,
      maxBytes: INTAKE_FETCH_MAX_BYTES,
    });
  } catch (error) {
    if (error instanceof OutboundError) throw new ArticleFetchError(MESSAGES[error.code]);
    throw error;
  }
  if (response.status >= 400) {
    throw new ArticleFetchError(`The page answered ${response.status}${response.status === 404 || response.status === 410 ? " (not found)" : ""}. Check the address, or paste the article's text instead.`);
  }
  const type = String(response.headers["content-type"] ?? "").toLowerCase();
  if (!/^(text\/html|application\/xhtml\+xml)/.test(type)) {
    throw new ArticleFetchError(`That address is not a web page (it is ${type.split(";")[0] || "of no stated type"}). Paste the article's text instead.`);
  }
  const charset = /charset=([\w-]+)/.exec(type)?.[1];
  let html: string;
  try {
    html = new TextDecoder(charset ?? "utf-8").decode(response.body);
  } catch {
    html = response.body.toString("utf8");
  }
  return { html, finalUrl: response.url };
}
