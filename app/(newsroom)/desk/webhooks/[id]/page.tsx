import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { WebhookDeleteForm, WebhookEndpointForm, WebhookRetryForm, WebhookSecret, WebhookToggleForm } from "@/components/desk/webhook-forms";
import { DateTime } from "@/components/ui/date-time";
import { Pager } from "@/components/ui/pager";
import { requirePagePermission } from "@/lib/auth/session";
import { pageParam, type RawSearchParams } from "@/lib/search-params";
import { getWebhookEndpoint, listWebhookDeliveries } from "@/lib/webhooks/queries";

export const metadata: Metadata = { title: "Webhook endpoint" };

const STATE_LABEL = { pending: "Pending", succeeded: "Delivered", failed: "Failing, will retry", gave_up: "Gave up" } as const;

export default async function WebhookEndpointPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const viewer = await requirePagePermission("webhook.manage", `/desk/webhooks/${id}`);
  const query = await searchParams;
  const page = pageParam.parse(query.page);
  const endpoint = await getWebhookEndpoint(id);
  if (!endpoint) notFound();
  const log = await listWebhookDeliveries(id, page);
  const notice = query.created === "1" ? "Endpoint added. Give its receiver the signing secret below." : query.saved === "1" ? "Saved." : null;
  return (
    <>
      <h1 className="break-all font-serif text-3xl font-bold">{endpoint.url}</h1>
      <p className="mt-1 text-sm text-muted">
        {endpoint.enabled ? "Enabled" : "Disabled"} · added by {endpoint.createdBy.name} <DateTime value={endpoint.createdAt} timeZone={viewer.timeZone} />
      </p>
      {notice ? (
        <p role="status" className="mt-4 rounded-md bg-status-positive-bg px-4 py-3 text-sm font-medium text-status-positive">
          {notice}
        </p>
      ) : null}

      <section aria-labelledby="secret-heading" className="mt-6 rounded-lg border border-rule bg-white p-5">
        <h2 id="secret-heading" className="font-serif text-xl font-bold">
          Signing
        </h2>
        <div className="mt-3">
          <WebhookSecret id={endpoint.id} version={endpoint.version} secret={endpoint.secret} />
        </div>
      </section>

      <section aria-labelledby="log" className="mt-8">
        <h2 id="log" className="font-serif text-xl font-bold">
          Delivery log
        </h2>
        <p className="mt-1 text-sm text-muted">
          Newest first; {log.total === 1 ? "1 delivery" : `${log.total} deliveries`}. Times in your time zone.
        </p>
        {log.items.length === 0 ? (
          <p className="mt-3 text-sm text-muted">Nothing delivered yet.</p>
        ) : (
          <div className="mt-3 overflow-x-auto rounded-lg border border-rule bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Deliveries to this endpoint</caption>
              <thead className="border-b border-rule bg-paper">
                <tr>
                  <th scope="col" className="px-3 py-2">Event</th>
                  <th scope="col" className="px-3 py-2">State</th>
                  <th scope="col" className="px-3 py-2">Attempts</th>
                  <th scope="col" className="px-3 py-2">Response</th>
                  <th scope="col" className="px-3 py-2">Latency</th>
                  <th scope="col" className="px-3 py-2">Next attempt</th>
                  <th scope="col" className="px-3 py-2">Error</th>
                  <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-rule">
                {log.items.map((delivery) => (
                  <tr key={delivery.id} className="align-top">
                    <td className="px-3 py-2">
                      <code className="font-mono font-semibold">{delivery.event.type}</code>
                      <span className="block break-all font-mono text-xs text-muted">{delivery.event.id}</span>
                      <span className="block text-xs text-muted">
                        <DateTime value={delivery.event.occurredAt} timeZone={viewer.timeZone} withTime />
                      </span>
                    </td>
                    <td className="px-3 py-2">{STATE_LABEL[delivery.state]}</td>
                    <td className="px-3 py-2">{delivery.attempts}</td>
                    <td className="px-3 py-2">{delivery.lastResponseCode ?? "—"}</td>
                    <td className="px-3 py-2">{delivery.lastLatencyMs === null ? "—" : `${delivery.lastLatencyMs} ms`}</td>
                    <td className="px-3 py-2">{delivery.nextAttemptAt ? <DateTime value={delivery.nextAttemptAt} timeZone={viewer.timeZone} withTime /> : "—"}</td>
                    <td className="max-w-xs px-3 py-2 break-words">{delivery.lastError ?? "—"}</td>
                    <td className="px-3 py-2">
                      <WebhookRetryForm endpointId={endpoint.id} deliveryId={delivery.id} label={`${delivery.event.type} ${delivery.event.id}`} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={page} pages={log.pages} href={(target) => `/desk/webhooks/${endpoint.id}?page=${target}#log`} />
      </section>

      <section aria-labelledby="settings" className="mt-8 rounded-lg border border-rule bg-white p-5">
        <h2 id="settings" className="font-serif text-xl font-bold">
          Settings
        </h2>
        <div className="mt-3">
          <WebhookToggleForm id={endpoint.id} version={endpoint.version} enabled={endpoint.enabled} />
        </div>
        <div className="mt-6">
          <WebhookEndpointForm
            saved={{ id: endpoint.id, version: endpoint.version, url: endpoint.url, description: endpoint.description, events: endpoint.events, enabled: endpoint.enabled }}
          />
        </div>
      </section>

      <section aria-labelledby="delete" className="mt-8 rounded-lg border border-status-negative/40 bg-white p-5">
        <h2 id="delete" className="font-serif text-xl font-bold">
          Delete
        </h2>
        <div className="mt-3">
          <WebhookDeleteForm id={endpoint.id} version={endpoint.version} />
        </div>
      </section>
    </>
  );
}
