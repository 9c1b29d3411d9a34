// Reads for the admin's webhook screens (only admins reach them: the pages check first).
import "server-only";
import { db } from "@/lib/db";

export const DELIVERIES_PER_PAGE = 25;

export async function listWebhookEndpoints() {
  const endpoints = await db().webhookEndpoint.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, url: true, description: true, events: true, enabled: true, createdAt: true },
  });
  // What needs a look: deliveries that failed last time or gave up, per endpoint.
  const troubled = await db().webhookDelivery.groupBy({
    by: ["endpointId", "state"],
    where: { state: { in: ["failed", "gave_up"] } },
    _count: { _all: true },
  });
  return endpoints.map((endpoint) => ({
    ...endpoint,
    failing: troubled.filter((row) => row.endpointId === endpoint.id && row.state === "failed").reduce((sum, row) => sum + row._count._all, 0),
    gaveUp: troubled.filter((row) => row.endpointId === endpoint.id && row.state === "gave_up").reduce((sum, row) => sum + row._count._all, 0),
  }));
}

export async function getWebhookEndpoint(id: string) {
  return db().webhookEndpoint.findUnique({
    where: { id },
    select: {
      id: true,
      url: true,
      description: true,
      events: true,
      secret: true,
      enabled: true,
      version: true,
      createdAt: true,
      createdBy: { select: { name: true } },
    },
  });
}

/** An endpoint's delivery log, newest first. */
export async function listWebhookDeliveries(endpointId: string, page: number) {
  const where = { endpointId };
  const [total, items] = await Promise.all([
    db().webhookDelivery.count({ where }),
    db().webhookDelivery.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * DELIVERIES_PER_PAGE,
      take: DELIVERIES_PER_PAGE,
      select: {
        id: true,
        state: true,
        attempts: true,
        lastResponseCode: true,
        lastLatencyMs: true,
        lastError: true,
        nextAttemptAt: true,
        deliveredAt: true,
        createdAt: true,
        event: { select: { id: true, type: true, occurredAt: true } },
      },
    }),
  ]);
  return { items, total, pages: Math.max(1, Math.ceil(total / DELIVERIES_PER_PAGE)) };
}
