import { describeIndependence, type IndependenceEvidence, summariseIndependence } from "@/lib/evidence/independence";

/** One line a reader understands: how many independent sources stand for and against. */
export function IndependenceLine({ evidence, className = "" }: { evidence: IndependenceEvidence[]; className?: string }) {
  return <p className={className}>{describeIndependence(summariseIndependence(evidence))}</p>;
}
