import { can } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/session";
import { searchEntities } from "@/lib/entities/queries";
import { EntitySearchSchema } from "@/lib/entities/schema";

const PRIVATE = { "Cache-Control": "private, no-store" };

// For the desk's pickers, as an editor types: people, organisations or outlets whose name matches
// `q` (lib/entities/queries.ts, entitySearchSql). Desk data, so the session and role are checked
// here, whatever the page showed. A query that cannot be searched answers no entities.
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer) return Response.json({ error: "Sign in to the desk." }, { status: 401, headers: PRIVATE });
  if (!can(viewer, "desk.read")) return Response.json({ error: "Your role does not allow this." }, { status: 403, headers: PRIVATE });
  const url = new URL(request.url);
  const parsed = EntitySearchSchema.safeParse({ q: url.searchParams.get("q") ?? "", kind: url.searchParams.get("kind") ?? undefined });
  if (!parsed.success) return Response.json({ entities: [] }, { headers: PRIVATE });
  const entities = await searchEntities(parsed.data.q, parsed.data.kind);
  return Response.json({ entities }, { headers: PRIVATE });
}
