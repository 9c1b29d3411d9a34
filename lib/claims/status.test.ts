import { describe, expect, it } from "vitest";
import { canVerify, checkMove, findMove, MOVES, movesFor, REQUIRED_CITATION, STATUS_INFO } from "@/lib/claims/status";
import type { Role, Stance, VerificationStatus } from "@/lib/generated/prisma/enums";

const STATUSES = Object.keys(STATUS_INFO) as VerificationStatus[];
const ROLES: Role[] = ["editor", "fact_checker", "admin"];
const FITTING: Record<VerificationStatus, Stance[]> = {
  unverified: [],
  corroborated: [],
  disputed: ["denies"],
  confirmed: ["confirms"],
  false: ["disputes"],
  retracted: ["retracts"],
};

describe("the transition table", () => {
  it("has no move to the same status and no duplicates", () => {
    const keys = MOVES.map((move) => `${move.from}>${move.to}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(MOVES.every((move) => move.from !== move.to)).toBe(true);
  });

  // Every from × to × role combination, checked against the table.
  for (const from of STATUSES) {
    for (const to of STATUSES) {
      for (const role of ROLES) {
        const move = findMove(from, to);
        const allowed = Boolean(move?.roles.includes(role));
        it(`${from} → ${to} by ${role}: ${allowed ? "allowed" : "refused"}`, () => {
          const result = checkMove({ role, from, to, rationale: "Because the evidence says so.", citedStances: FITTING[to] });
          expect(result.ok).toBe(allowed);
          expect(movesFor(role, from).some((candidate) => candidate.to === to)).toBe(allowed);
        });
      }
    }
  }

  it("gives verification moves to fact-checkers only: editors and admins cannot set verdicts", () => {
    expect(canVerify("fact_checker")).toBe(true);
    expect(canVerify("editor")).toBe(false);
    expect(canVerify("admin")).toBe(false);
    expect(canVerify(null)).toBe(false);
  });
});

describe("rationale and citations", () => {
  it("requires a written rationale for every move", () => {
    expect(checkMove({ role: "fact_checker", from: "unverified", to: "corroborated", rationale: "  ", citedStances: [] })).toMatchObject({
      ok: false,
      field: "rationale",
    });
  });

  it.each(Object.entries(REQUIRED_CITATION))("requires citing fitting evidence for a move to %s", (to, stances) => {
    const from: VerificationStatus = to === "retracted" ? "corroborated" : "unverified";
    const status = to as VerificationStatus;
    expect(checkMove({ role: "fact_checker", from, to: status, rationale: "r", citedStances: [] })).toMatchObject({ ok: false, field: "citedEvidenceIds" });
    expect(checkMove({ role: "fact_checker", from, to: status, rationale: "r", citedStances: ["reports"] })).toMatchObject({ ok: false });
    expect(checkMove({ role: "fact_checker", from, to: status, rationale: "r", citedStances: [stances![0]!] })).toEqual({ ok: true });
  });
});
