// The archive's background jobs (docs/archive.md): the snapshot taken when evidence is linked,
// the link-rot check, and the weekly sweep that queues the checks. They run in the worker, outside
// Next.js. Throwing asks graphile-worker for another attempt later (exponential backoff): only
// errors the network or the site may recover from do so, and never on the last attempt, where the
// failure is recorded for the desk instead.
import "server-only";
import type { JobHelpers } from "graphile-worker";
import { capture, describeFailure, isHomeRedirect, isTransient, robotsAllow, type Capture } from "@/lib/archive/capture";
import { enqueueArchive } from "@/lib/archive/enqueue";
import { enqueueRechecks, recordCheck, recordSnapshot, setArchiveOrgUrl, type SnapshotOutcome } from "@/lib/archive/mutations";
import { evidenceForArchive, firstSnapshot, hasSnapshotOf, latestSnapshot } from "@/lib/archive/queries";
import { db } from "@/lib/db";
import { archiveEnv } from "@/lib/env";
import { outboundFetch, OutboundError } from "@/lib/net/outbound";

/** The weekly checks are spread over this long after the sweep starts. */
export const RECHECK_SPREAD_MS = 6 * 60 * 60 * 1000;

class RetryLater extends Error {}

const ROBOTS_REFUSAL = "the site's robots.txt asks crawlers not to fetch this page";

async function fetchOutcome(url: string, lastAttempt: boolean): Promise<SnapshotOutcome> {
  if (archiveEnv().respectRobots && !(await robotsAllow(url))) return { kind: "failed", requestedUrl: url, error: ROBOTS_REFUSAL };
  try {
    const result = await capture(url);
    if (result.status >= 500 && !lastAttempt) throw new RetryLater(`the site answered ${result.status}; trying again later`);
    // A 4xx is the site's answer, not an accident: recorded (with the page it sent), not retried.
    return { kind: "captured", capture: result, error: result.status >= 200 && result.status < 300 ? null : `the page answered ${result.status}` };
  } catch (error) {
    if (!(error instanceof OutboundError)) throw error;
    if (isTransient(error) && !lastAttempt) throw error;
    return { kind: "failed", requestedUrl: url, error: describeFailure(error) };
  }
}

/** Asks the Internet Archive's Save Page Now for a capture (ARCHIVE_ORG=1); best effort. */
export async function saveToInternetArchive(url: string): Promise<string | null> {
  const answer = await outboundFetch(`https://web.archive.org/save/${url}`, { timeoutMs: 60_000, maxBytes: 256 * 1024, truncate: true, maxRedirects: 0 });
  const location = answer.headers["content-location"] ?? answer.headers.location;
  const path = Array.isArray(location) ? location[0] : location;
  if (path && /\/web\/\d{14}/.test(path)) return new URL(path, "https://web.archive.org").toString();
  return null;
}

export async function snapshotJob({ evidenceId }: { evidenceId: string }, helpers: JobHelpers): Promise<void> {
  const evidence = await evidenceForArchive(evidenceId);
  if (!evidence) return;
  // Replayed or doubled: a URL is archived once per piece of evidence (a changed URL is archived anew).
  if (await hasSnapshotOf(evidenceId, evidence.url)) return;
  const outcome = await fetchOutcome(evidence.url, helpers.job.attempts >= helpers.job.max_attempts);
  const snapshot = await recordSnapshot(evidence, outcome);
  if (archiveEnv().archiveOrg && outcome.kind === "captured" && outcome.error === null) {
    try {
      const saved = await saveToInternetArchive(evidence.url);
      if (saved) await setArchiveOrgUrl(snapshot.id, saved);
    } catch (error) {
      helpers.logger.warn(`the Internet Archive did not save ${evidence.url}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** What changed between the first snapshot and a fresh fetch. */
export function compare(
  linkedUrl: string,
  first: { status: number | null; finalUrl: string | null; textSha256: string | null },
  now: Pick<Capture, "status" | "finalUrl" | "textSha256">,
): "unchanged" | "status_changed" | "redirected_to_home" | "content_changed" {
  if (now.status !== first.status && (now.status < 200 || now.status >= 300)) return "status_changed";
  if (isHomeRedirect(linkedUrl, now.finalUrl) && !isHomeRedirect(linkedUrl, first.finalUrl ?? linkedUrl)) return "redirected_to_home";
  if (now.textSha256 !== first.textSha256) return "content_changed";
  return "unchanged";
}

export async function checkJob({ evidenceId }: { evidenceId: string }): Promise<void> {
  const evidence = await evidenceForArchive(evidenceId);
  if (!evidence || evidence.removedAt) return;
  const first = await firstSnapshot(evidenceId, evidence.url);
  if (!first) {
    // Never archived (linked before archiving existed, or its first fetch failed): try that first.
    if (!(await hasSnapshotOf(evidenceId, evidence.url))) await db().$transaction((tx) => enqueueArchive(tx, evidenceId));
    return;
  }
  let now: Capture;
  try {
    now = await capture(evidence.url);
  } catch (error) {
    if (!(error instanceof OutboundError)) throw error;
    await recordCheck(evidence, { change: "unreachable", status: null, finalUrl: null, textSha256: null, error: describeFailure(error) }, null);
    return;
  }
  if (now.status >= 500) {
    await recordCheck(evidence, { change: "unreachable", status: now.status, finalUrl: now.finalUrl, textSha256: null, error: `the site answered ${now.status}` }, null);
    return;
  }
  const change = compare(evidence.url, first, now);
  const record = { change, status: now.status, finalUrl: now.finalUrl, textSha256: now.textSha256, error: null };
  if (change === "unchanged") {
    await recordCheck(evidence, record, null);
    return;
  }
  // The same changed page as last week's check: point at that snapshot instead of storing it again.
  const latest = await latestSnapshot(evidenceId);
  const same = latest && latest.id !== first.id && latest.textSha256 === now.textSha256 && latest.status === now.status && latest.finalUrl === now.finalUrl;
  await recordCheck(evidence, record, same ? { reuseSnapshotId: latest.id } : { capture: now });
}

export async function recheckJob(): Promise<void> {
  await enqueueRechecks(new Date(), RECHECK_SPREAD_MS);
}
