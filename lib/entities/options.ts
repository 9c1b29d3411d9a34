import "server-only";
import { listEntities } from "@/lib/entities/queries";

/** People and organisations for the desk's pickers. */
export async function entityOptions() {
  const entities = await listEntities();
  return entities.map(({ id, name, kind, description, domain }) => ({ id, name, kind, description, domain }));
}
