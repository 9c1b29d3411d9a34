// How evidence is grouped and named for readers. Pure.
import type { Sourcing, Stance } from "@/lib/generated/prisma/enums";

export const STANCE_GROUPS = [
  { key: "reports", title: "Reports", stances: ["reports"] },
  { key: "confirmations", title: "Confirmations", stances: ["confirms"] },
  { key: "against", title: "Denials and disputes", stances: ["denies", "disputes"] },
  { key: "no-comment", title: "Declined to comment", stances: ["declines_to_comment"] },
  { key: "context", title: "Context", stances: ["context"] },
  { key: "retractions", title: "Retractions", stances: ["retracts"] },
] as const satisfies readonly { key: string; title: string; stances: readonly Stance[] }[];

export const STANCE_LABEL: Record<Stance, string> = {
  reports: "Reports it",
  confirms: "Confirms it",
  denies: "Denies it",
  disputes: "Disputes it",
  declines_to_comment: "Declines to comment",
  context: "Context",
  retracts: "Retracts its report",
};

export const SOURCING_LABEL: Record<Sourcing, string> = {
  on_record: "On the record",
  anonymous: "Anonymous source",
  document: "Document",
};
