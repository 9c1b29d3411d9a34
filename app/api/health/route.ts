import { cacheStats } from "@/lib/cache/stats";
import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/db/unavailable";
import { isDatabaseReachable } from "@/lib/health/queries";

// For load balancers and uptime checks: 200 when the app can reach its database, 503 otherwise.
export async function GET() {
  const database = await isDatabaseReachable();
  return Response.json(
    { status: database ? "ok" : "unavailable", database: database ? "reachable" : "unreachable", cache: cacheStats() },
    {
      status: database ? 200 : 503,
      headers: { "Cache-Control": "no-store", ...(database ? {} : { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) }) },
    },
  );
}
