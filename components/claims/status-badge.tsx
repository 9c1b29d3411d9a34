import type { VerificationStatus } from "@/lib/generated/prisma/enums";
import { STATUS_INFO, type StatusInfo } from "@/lib/claims/status";

const TONE_CLASSES: Record<StatusInfo["tone"], string> = {
  neutral: "bg-status-neutral-bg text-status-neutral ring-status-neutral/30",
  positive: "bg-status-positive-bg text-status-positive ring-status-positive/30",
  warning: "bg-status-warning-bg text-status-warning ring-status-warning/30",
  negative: "bg-status-negative-bg text-status-negative ring-status-negative/30",
};

// A shape per tone as well as a colour, so the status never depends on colour alone.
const TONE_ICON: Record<StatusInfo["tone"], string> = {
  neutral: "○",
  positive: "✓",
  warning: "!",
  negative: "✕",
};

export function StatusBadge({ status, size = "md" }: { status: VerificationStatus; size?: "md" | "lg" }) {
  const info = STATUS_INFO[status];
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full font-semibold uppercase tracking-wide ring-1 ring-inset ${
        TONE_CLASSES[info.tone]
      } ${size === "lg" ? "px-3 py-1 text-sm" : "px-2 py-0.5 text-xs"}`}
    >
      <span aria-hidden="true">{TONE_ICON[info.tone]}</span>
      <span>{info.label}</span>
    </span>
  );
}
