import type { Metadata, Route } from "next";
import Link from "next/link";
import { WebhookEndpointForm } from "@/components/desk/webhook-forms";
import { DateTime } from "@/components/ui/date-time";
import { requirePagePermission } from "@/lib/auth/session";
import type { RawSearchParams } from "@/lib/search-params";
import { listWebhookEndpoints } from "@/lib/webhooks/queries";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requirePagePermission("webhook.manage", "/desk/webhooks");
  const deleted = (await searchParams).deleted === "1";
  const endpoints = await listWebhookEndpoints();
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Webhooks</h1>
      <p className="mt-1 max-w-prose text-sm text-muted">
        Claimtrail tells other systems (a CMS, a partner) when a claim is published, unpublished or moves status, and when evidence is added to
        or removed from a published claim. Each delivery is signed (Standard Webhooks) and retried for 24 hours.
      </p>
      {deleted ? (
        <p role="status" className="mt-4 rounded-md bg-status-positive-bg px-4 py-3 text-sm font-medium text-status-positive">
          The endpoint was deleted.
        </p>
      ) : null}

      <section aria-labelledby="endpoints" className="mt-8">
        <h2 id="endpoints" className="font-serif text-xl font-bold">
          Endpoints
        </h2>
        {endpoints.length === 0 ? (
          <p className="mt-2 text-sm text-muted">None yet.</p>
        ) : (
          <ul className="mt-3 divide-y divide-rule border-y border-rule">
            {endpoints.map((endpoint) => (
              <li key={endpoint.id} className="space-y-1 py-4">
                <p>
                  <Link href={`/desk/webhooks/${endpoint.id}` as Route} className="break-all font-semibold underline underline-offset-2 hover:no-underline">
                    {endpoint.url}
                  </Link>{" "}
                  <span className="text-sm text-muted">{endpoint.enabled ? "Enabled" : "Disabled"}</span>
                </p>
                {endpoint.description ? <p className="text-sm">{endpoint.description}</p> : null}
                <p className="text-sm text-muted">
                  {endpoint.events.join(", ")} · added <DateTime value={endpoint.createdAt} timeZone={viewer.timeZone} />
                  {endpoint.failing ? ` · ${endpoint.failing} failing` : ""}
                  {endpoint.gaveUp ? ` · ${endpoint.gaveUp} gave up` : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="new-endpoint" className="mt-8 rounded-lg border border-rule bg-white p-5">
        <h2 id="new-endpoint" className="font-serif text-xl font-bold">
          Add an endpoint
        </h2>
        <div className="mt-4">
          <WebhookEndpointForm />
        </div>
      </section>
    </>
  );
}
