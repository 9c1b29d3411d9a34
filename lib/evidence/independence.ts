// How many independent origins stand behind a claim, and against it. Pure.
//
// Evidence that republishes or cites other evidence belongs to that evidence's origin (CBC running
// the Reuters wire counts once; a story citing the Post counts with the Post). On-the-record
// statements by the same named speaker are one origin however many outlets carry them.
import type { Derivation, Sourcing, Stance } from "@/lib/generated/prisma/enums";

export type IndependenceEvidence = {
  id: string;
  stance: Stance;
  sourcing: Sourcing;
  speakerId: string | null;
  derivedFromId: string | null;
  derivation: Derivation | null;
};

export type SideSummary = { origins: number; anonymous: number; onRecord: number; documents: number; evidenceIds: string[] };

export type IndependenceSummary = {
  /** Reports and confirmations, by independent origin. */
  supporting: SideSummary;
  /** Denials and disputes, by independent origin. */
  against: SideSummary;
  declinedToComment: number;
  /** Pieces that copy or cite another piece, so are not independent. */
  derivative: number;
};

const SUPPORTING: readonly Stance[] = ["reports", "confirms"];
const AGAINST: readonly Stance[] = ["denies", "disputes"];

/**
 * The evidence a piece ultimately rests on, following republications and citations. A loop of
 * copies (which the desk refuses, but old data might hold) resolves to one member for all of them.
 */
export function rootOf<E extends IndependenceEvidence>(item: E, byId: ReadonlyMap<string, E>): E {
  const path: E[] = [];
  let current = item;
  while (current.derivedFromId) {
    const original = byId.get(current.derivedFromId);
    if (!original) break;
    if (path.includes(current)) {
      const loop = path.slice(path.indexOf(current));
      return loop.reduce((smallest, member) => (member.id < smallest.id ? member : smallest));
    }
    path.push(current);
    current = original;
  }
  return current;
}

function sideOf(stance: Stance): "supporting" | "against" | null {
  return SUPPORTING.includes(stance) ? "supporting" : AGAINST.includes(stance) ? "against" : null;
}

function summariseSide<E extends IndependenceEvidence>(items: E[], byId: ReadonlyMap<string, E>): SideSummary {
  const origins = new Map<string, E>();
  for (const item of items) {
    // A denial that cites a report is not that report: only copies on the same side collapse.
    const rooted = rootOf(item, byId);
    const root = sideOf(rooted.stance) === sideOf(item.stance) ? rooted : item;
    const key = root.sourcing === "on_record" && root.speakerId ? `speaker:${root.speakerId}` : `evidence:${root.id}`;
    if (!origins.has(key)) origins.set(key, root);
  }
  const roots = [...origins.values()];
  return {
    origins: roots.length,
    anonymous: roots.filter((root) => root.sourcing === "anonymous").length,
    onRecord: roots.filter((root) => root.sourcing === "on_record").length,
    documents: roots.filter((root) => root.sourcing === "document").length,
    evidenceIds: roots.map((root) => root.id),
  };
}

export function summariseIndependence<E extends IndependenceEvidence>(evidence: readonly E[]): IndependenceSummary {
  const byId = new Map(evidence.map((item) => [item.id, item]));
  return {
    supporting: summariseSide(evidence.filter((item) => SUPPORTING.includes(item.stance)), byId),
    against: summariseSide(evidence.filter((item) => AGAINST.includes(item.stance)), byId),
    declinedToComment: evidence.filter((item) => item.stance === "declines_to_comment").length,
    derivative: evidence.filter((item) => item.derivedFromId && byId.has(item.derivedFromId)).length,
  };
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function sourcingNote(side: SideSummary): string {
  const parts = [
    side.onRecord ? `${side.onRecord} on the record` : "",
    side.anonymous ? `${side.anonymous} anonymous` : "",
    side.documents ? count(side.documents, "document", "documents") : "",
  ].filter(Boolean);
  if (parts.length !== 1) return parts.length ? ` (${parts.join(", ")})` : "";
  if (side.origins === 1) return side.anonymous ? ", anonymous" : side.onRecord ? ", on the record" : ", a document";
  const all = side.origins === 2 ? "both" : "all";
  return side.anonymous ? `, ${all} anonymous` : side.onRecord ? `, ${all} on the record` : `, ${all} documents`;
}

/** "2 independent reports, both anonymous; 1 denial, on the record; 1 declined to comment". */
export function describeIndependence(summary: IndependenceSummary): string {
  const parts: string[] = [];
  if (summary.supporting.origins) {
    parts.push(`${count(summary.supporting.origins, "independent report", "independent reports")}${sourcingNote(summary.supporting)}`);
  }
  if (summary.against.origins) {
    parts.push(`${count(summary.against.origins, "denial or dispute", "independent denials or disputes")}${sourcingNote(summary.against)}`);
  }
  if (summary.declinedToComment) parts.push(count(summary.declinedToComment, "declined to comment", "declined to comment"));
  return parts.length ? parts.join("; ") : "No reports or responses yet";
}
