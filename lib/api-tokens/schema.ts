// Zod schemas for API tokens (isomorphic): the admin's form and the bearer header.
import { z } from "zod";
import { text, uuid } from "@/lib/forms";

export const API_TOKEN_SCOPES = ["read", "editor", "fact_checker"] as const;
export type ApiTokenScopeName = (typeof API_TOKEN_SCOPES)[number];

export const SCOPE_LABEL: Record<ApiTokenScopeName, string> = {
  read: "Read",
  editor: "Editor (log claims, link evidence)",
  fact_checker: "Fact-checker",
};

/** What a secret looks like: "ct_" and 43 base64url characters (256 random bits). */
export const API_TOKEN_PATTERN = /^ct_[A-Za-z0-9_-]{43}$/;

export const ApiTokenCreateSchema = z.object({
  name: text("The name", { min: 1, max: 80 }),
  scope: z.enum(API_TOKEN_SCOPES, { error: "Choose what the token may do" }),
});

export const ApiTokenRevokeSchema = z.object({ id: uuid("token") });

export type ApiTokenCreateInput = z.infer<typeof ApiTokenCreateSchema>;
export type ApiTokenRevokeInput = z.infer<typeof ApiTokenRevokeSchema>;
