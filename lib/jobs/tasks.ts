// What each background job does. Every name in the catalog has exactly one handler here (the type
// says so). Handlers run in the worker process, outside Next.js: to change what readers see they
// call `notifyExpired` (lib/jobs/expire.ts), never next/cache.
import "server-only";
import type { JobHelpers } from "graphile-worker";
import { checkJob, recheckJob, snapshotJob } from "@/lib/archive/jobs";
import type { JobName, JobPayload } from "@/lib/jobs/catalog";
import { deliverWebhook } from "@/lib/webhooks/deliver";

export type JobHandler<N extends JobName> = (payload: JobPayload<N>, helpers: JobHelpers) => Promise<void>;

export const HANDLERS: { [N in JobName]: JobHandler<N> } = {
  "jobs.ping": async (payload, helpers) => {
    await helpers.query("SELECT pg_notify('claimtrail_jobs_ping', $1)", [payload.note]);
  },
  "webhook.deliver": async (payload) => {
    await deliverWebhook(payload.deliveryId);
  },
  "archive.snapshot": snapshotJob,
  "archive.check": (payload) => checkJob(payload),
  "archive:recheck": () => recheckJob(),
};
