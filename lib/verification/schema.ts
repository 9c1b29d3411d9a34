// Zod schemas for verification moves and review-queue dismissals (isomorphic).
import { z } from "zod";
import { stringList, text, uuid } from "@/lib/forms";
import { VerificationStatus } from "@/lib/generated/prisma/enums";

const status = (label: string) => z.enum(Object.values(VerificationStatus) as [VerificationStatus, ...VerificationStatus[]], { error: `Choose ${label}` });

export const StatusMoveSchema = z.object({
  claimId: uuid("claim"),
  /** The status the fact-checker saw when they decided: a different one now is a conflict. */
  fromStatus: status("the current status"),
  toStatus: status("the new status"),
  rationale: text("The rationale", { min: 1, max: 4_000 }),
  citedEvidenceIds: stringList(uuid("piece of evidence")).pipe(z.array(z.string()).max(50)),
});

export const DismissSuggestionSchema = z.object({
  claimId: uuid("claim"),
  suggestedStatus: status("the suggested status"),
  evidenceIds: stringList(uuid("piece of evidence")).pipe(z.array(z.string()).min(1).max(50)),
});

export type StatusMoveInput = z.infer<typeof StatusMoveSchema>;
export type DismissSuggestionInput = z.infer<typeof DismissSuggestionSchema>;
