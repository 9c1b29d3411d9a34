// What each verification status means, in words a reader understands. Pure: used by pages, the
// feed and tests alike. (Which role may move a claim between statuses is the workflow issue's
// transition table, which will live here too.)
import type { VerificationStatus } from "@/lib/generated/prisma/enums";

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
