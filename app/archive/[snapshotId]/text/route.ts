import { serveSnapshotText } from "@/lib/archive/view";

// The archived copy's readable text, with when and where it was fetched and its hashes.
export async function GET(_request: Request, { params }: { params: Promise<{ snapshotId: string }> }) {
  return serveSnapshotText((await params).snapshotId);
}
