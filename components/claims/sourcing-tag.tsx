import type { Sourcing } from "@/lib/generated/prisma/enums";
import { SOURCING_LABEL } from "@/lib/evidence/stance";

// Every kind of sourcing carries the same weight on the page (size, boldness, outline): "On the
// record" must read as strongly as "Anonymous source". Colour tells them apart at a glance, the
// words always do.
const SOURCING_CLASSES: Record<Sourcing, string> = {
  on_record: "bg-white text-ink ring-ink/50",
  anonymous: "bg-status-warning-bg text-status-warning ring-status-warning/40",
  document: "bg-status-neutral-bg text-status-neutral ring-status-neutral/40",
};

export function SourcingTag({ sourcing }: { sourcing: Sourcing }) {
  return (
    <span className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${SOURCING_CLASSES[sourcing]}`}>
      {SOURCING_LABEL[sourcing]}
    </span>
  );
}
