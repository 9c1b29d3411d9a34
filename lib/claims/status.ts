// What each verification status means, in words a reader understands. Pure: used by pages, the
// feed and tests alike. (Which role may move a claim between statuses is the workflow issue's
// transition table, which will live here too.)
import type { Role, Stance, VerificationStatus } from "@/lib/generated/prisma/enums";

export type StatusInfo = {
  label: string;
  /** One plain-language line for readers. */
  meaning: string;
  /** Which way the evidence leans, for colour and icon; text always carries the meaning too. */
  tone: "neutral" | "positive" | "warning" | "negative";
};

export const STATUS_INFO: Record<VerificationStatus, StatusInfo> = {
  unverified: { label: "Unverified", meaning: "Reported, but not yet established.", tone: "neutral" },
  corroborated: {
    label: "Corroborated",
    meaning: "Two or more independent sources report it.",
    tone: "positive",
  },
  disputed: {
    label: "Disputed",
    meaning: "Someone with direct knowledge denies it, or credible evidence conflicts.",
    tone: "warning",
  },
  confirmed: {
    label: "Confirmed",
    meaning: "Established by on-the-record confirmation or documents.",
    tone: "positive",
  },
  false: { label: "False", meaning: "Shown to be untrue.", tone: "negative" },
  retracted: {
    label: "Retracted",
    meaning: "The outlet that first reported it has withdrawn its report.",
    tone: "negative",
  },
};

// ---------------------------------------------------------------------------------------------
// The verification workflow: which moves exist, who may make them, and what each must cite.
// This table is the single source of truth: the desk shows only these moves, the server refuses
// any other, and the tests enumerate it. (docs/verification.md explains it in plain words.)

export type Move = { from: VerificationStatus; to: VerificationStatus; roles: readonly Role[] };

const CHECKERS = ["fact_checker"] as const satisfies readonly Role[];

export const MOVES: readonly Move[] = [
  { from: "unverified", to: "corroborated", roles: CHECKERS },
  { from: "unverified", to: "disputed", roles: CHECKERS },
  { from: "unverified", to: "confirmed", roles: CHECKERS },
  { from: "unverified", to: "false", roles: CHECKERS },
  { from: "unverified", to: "retracted", roles: CHECKERS },
  { from: "corroborated", to: "unverified", roles: CHECKERS },
  { from: "corroborated", to: "disputed", roles: CHECKERS },
  { from: "corroborated", to: "confirmed", roles: CHECKERS },
  { from: "corroborated", to: "false", roles: CHECKERS },
  { from: "corroborated", to: "retracted", roles: CHECKERS },
  { from: "disputed", to: "unverified", roles: CHECKERS },
  { from: "disputed", to: "corroborated", roles: CHECKERS },
  { from: "disputed", to: "confirmed", roles: CHECKERS },
  { from: "disputed", to: "false", roles: CHECKERS },
  { from: "disputed", to: "retracted", roles: CHECKERS },
  // A verdict can be reopened when new evidence arrives; it is never edited in place.
  { from: "confirmed", to: "disputed", roles: CHECKERS },
  { from: "confirmed", to: "false", roles: CHECKERS },
  { from: "confirmed", to: "retracted", roles: CHECKERS },
  { from: "false", to: "disputed", roles: CHECKERS },
  { from: "false", to: "confirmed", roles: CHECKERS },
  { from: "retracted", to: "unverified", roles: CHECKERS },
];

/**
 * The evidence a move to each status must cite, by stance: at least one piece of the claim's own
 * evidence with one of these stances. Statuses not listed need a rationale only.
 */
export const REQUIRED_CITATION: Partial<Record<VerificationStatus, readonly Stance[]>> = {
  disputed: ["denies", "disputes"],
  confirmed: ["confirms"],
  false: ["denies", "disputes", "context"],
  retracted: ["retracts"],
};

/** Whether `role` makes verification moves at all (the review queue is theirs). */
export function canVerify(role: Role | null | undefined): boolean {
  return Boolean(role) && MOVES.some((move) => move.roles.includes(role!));
}

export function findMove(from: VerificationStatus, to: VerificationStatus): Move | undefined {
  return MOVES.find((move) => move.from === from && move.to === to);
}

/** The moves `role` may make from `from`, in table order. */
export function movesFor(role: Role | null | undefined, from: VerificationStatus): Move[] {
  if (!role) return [];
  return MOVES.filter((move) => move.from === from && move.roles.includes(role));
}

export type MoveCheck = { ok: true } | { ok: false; field: "toStatus" | "rationale" | "citedEvidenceIds"; message: string };

/**
 * Whether `role` may move a claim from `from` to `to` with this rationale, citing evidence with
 * these stances (of the claim's own, live evidence: the caller makes sure of that).
 */
export function checkMove(input: {
  role: Role;
  from: VerificationStatus;
  to: VerificationStatus;
  rationale: string;
  citedStances: readonly Stance[];
}): MoveCheck {
  const move = findMove(input.from, input.to);
  if (!move) {
    return { ok: false, field: "toStatus", message: `A claim cannot move from ${STATUS_INFO[input.from].label.toLowerCase()} to ${STATUS_INFO[input.to].label.toLowerCase()}.` };
  }
  if (!move.roles.includes(input.role)) {
    return { ok: false, field: "toStatus", message: "Only fact-checkers change a claim's verification status." };
  }
  if (input.rationale.trim().length === 0) {
    return { ok: false, field: "rationale", message: "Explain the move: readers will see this rationale." };
  }
  const required = REQUIRED_CITATION[input.to];
  if (required && !input.citedStances.some((stance) => required.includes(stance))) {
    return {
      ok: false,
      field: "citedEvidenceIds",
      message: `A move to ${STATUS_INFO[input.to].label.toLowerCase()} must cite evidence that ${required.map((stance) => STANCE_VERB[stance]).join(" or ")} the claim.`,
    };
  }
  return { ok: true };
}

const STANCE_VERB: Record<Stance, string> = {
  reports: "reports",
  confirms: "confirms",
  denies: "denies",
  disputes: "disputes",
  declines_to_comment: "declines to comment on",
  context: "gives context to",
  retracts: "retracts",
};
