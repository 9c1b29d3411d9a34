"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/mutations";
import { ApiTokenCreateSchema, ApiTokenRevokeSchema } from "@/lib/api-tokens/schema";
import { defineFormAction } from "@/lib/actions/define-action";

export const createApiTokenAction = defineFormAction({
  permission: "token.manage",
  schema: ApiTokenCreateSchema,
  async run(input, viewer) {
    const { secret } = await createApiToken(viewer, input);
    revalidatePath("/desk/api-tokens");
    return {
      status: "success",
      message: `Token "${input.name}" created. Copy it now into your CMS: it is shown only this once, and only its hash is kept.`,
      secret,
    };
  },
});

export const revokeApiTokenAction = defineFormAction({
  permission: "token.manage",
  schema: ApiTokenRevokeSchema,
  async run(input, viewer) {
    await revokeApiToken(viewer, input);
    revalidatePath("/desk/api-tokens");
    return { status: "success", message: "Token revoked: requests with it are refused from now on." };
  },
});
