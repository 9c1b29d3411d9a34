import { serveSnapshotHtml } from "@/lib/archive/view";

// The archived copy of a source, as Claimtrail fetched it, under a sandbox policy that runs none
// of its scripts (lib/archive/view.ts decides who may see it).
export async function GET(_request: Request, { params }: { params: Promise<{ snapshotId: string }> }) {
  return serveSnapshotHtml((await params).snapshotId);
}
