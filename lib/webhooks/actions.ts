"use server";

import type { Route } from "next";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineFormAction } from "@/lib/actions/define-action";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  retryWebhookDelivery,
  rotateWebhookSecret,
  setWebhookEndpointEnabled,
  updateWebhookEndpoint,
} from "@/lib/webhooks/mutations";
import {
  WebhookEndpointCreateSchema,
  WebhookEndpointDeleteSchema,
  WebhookEndpointRefSchema,
  WebhookEndpointToggleSchema,
  WebhookEndpointUpdateSchema,
  WebhookRetrySchema,
} from "@/lib/webhooks/schema";

// Every action here is for admins only: defineFormAction checks the session and the permission, and
// each mutation checks it again (assertCan), so a script calling a mutation is held to the same rule.

export const createWebhookEndpointAction = defineFormAction({
  permission: "webhook.manage",
  schema: WebhookEndpointCreateSchema,
  async run(input, viewer) {
    const endpoint = await createWebhookEndpoint(viewer, input);
    revalidatePath("/desk/webhooks");
    redirect(`/desk/webhooks/${endpoint.id}?created=1` as Route);
  },
});

export const updateWebhookEndpointAction = defineFormAction({
  permission: "webhook.manage",
  schema: WebhookEndpointUpdateSchema,
  async run(input, viewer) {
    await updateWebhookEndpoint(viewer, input);
    revalidatePath("/desk/webhooks", "layout");
    redirect(`/desk/webhooks/${input.id}?saved=1` as Route);
  },
});

export const setWebhookEndpointEnabledAction = defineFormAction({
  permission: "webhook.manage",
  schema: WebhookEndpointToggleSchema,
  async run(input, viewer) {
    await setWebhookEndpointEnabled(viewer, input);
    revalidatePath("/desk/webhooks", "layout");
    return { status: "success", message: input.enabled === "enable" ? "Enabled: new events are delivered to it." : "Disabled: deliveries still waiting were stopped." };
  },
});

export const rotateWebhookSecretAction = defineFormAction({
  permission: "webhook.manage",
  schema: WebhookEndpointRefSchema,
  async run(input, viewer) {
    await rotateWebhookSecret(viewer, input);
    revalidatePath("/desk/webhooks", "layout");
    return { status: "success", message: "A new secret was made. Deliveries from now on are signed with it: update the receiver." };
  },
});

export const deleteWebhookEndpointAction = defineFormAction({
  permission: "webhook.manage",
  schema: WebhookEndpointDeleteSchema,
  async run(input, viewer) {
    await deleteWebhookEndpoint(viewer, input);
    revalidatePath("/desk/webhooks", "layout");
    redirect("/desk/webhooks?deleted=1" as Route);
  },
});

export const retryWebhookDeliveryAction = defineFormAction({
  permission: "webhook.manage",
  schema: WebhookRetrySchema,
  async run(input, viewer) {
    await retryWebhookDelivery(viewer, input);
    revalidatePath(`/desk/webhooks/${input.endpointId}`);
    return { status: "success", message: "Queued: it is tried again now. Reload the log to see the attempt." };
  },
});
