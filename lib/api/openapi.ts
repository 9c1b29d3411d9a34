// The OpenAPI 3.1 document of the partner API, generated from the Zod schemas the handlers answer
// through (lib/api/schema.ts) by zod-openapi. Served at /api/v1/openapi.json; the tests validate
// it and check every live answer against it (tests/integration/api-read.test.ts).
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import { z } from "zod";
import {
  API_PREFIX,
  ClaimCreateBodySchema,
  ClaimListQuerySchema,
  ClaimListSchema,
  ClaimSchema,
  CreatedClaimSchema,
  CreatedEvidenceSchema,
  EvidenceCreateBodySchema,
  EntityListQuerySchema,
  EntityListSchema,
  EntitySchema,
  ProblemSchema,
  SearchQuerySchema,
  SearchResultSchema,
} from "@/lib/api/schema";

const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: ProblemSchema } } });

const etag = { ETag: { description: "A validator: send it back in If-None-Match to get 304 when nothing changed.", schema: { type: "string" as const } } };

function readResponses(schema: z.ZodType, description: string, extra: ZodOpenApiResponsesObject = {}): ZodOpenApiResponsesObject {
  return {
    "200": { description, headers: etag, content: { "application/json": { schema } } },
    "304": { description: "Not modified (If-None-Match matched the ETag)." },
    ...extra,
    "401": problem("An Authorization header was sent, but not a valid, live token."),
    "429": problem("Too many requests: wait for Retry-After seconds."),
    "503": problem("The database is unreachable; retry after Retry-After seconds."),
  };
}

const ifNoneMatch = z.object({ "if-none-match": z.string().optional().meta({ description: "An ETag from an earlier answer." }) });

function writeResponses(schema: z.ZodType, description: string, extra: ZodOpenApiResponsesObject = {}): ZodOpenApiResponsesObject {
  return {
    "201": { description, content: { "application/json": { schema } } },
    "400": problem("The body is not valid JSON, or a field is invalid (`errors` names each)."),
    "401": problem("No token, or not a valid, live one."),
    "403": problem("The token's scope does not allow this."),
    ...extra,
    "413": problem("The body is larger than 64 KB."),
    "415": problem("The body is not application/json."),
    "422": problem("The body is valid but breaks a rule that needs the database (an unknown entity, a look-alike name)."),
    "429": problem("Too many requests: wait for Retry-After seconds."),
    "503": problem("The database is unreachable; nothing was saved. Retry after Retry-After seconds."),
  };
}

const read = (operation: Omit<ZodOpenApiOperationObject, "security">): ZodOpenApiOperationObject => ({
  ...operation,
  // Reads need no token; one raises the rate limit to the token's own bucket.
  security: [{}, { bearerAuth: [] }],
});

export function openApiDocument(serverUrl: string) {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Claimtrail API",
      version: "1.0.0",
      description:
        "Published claims, their evidence, independence and status history, and the people and organisations they name. " +
        "Reads are public (CORS open); writes need an API token made by an admin on the desk. See docs/api.md.",
    },
    servers: [{ url: `${serverUrl}${API_PREFIX}` }],
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "An API token (ct_…) made by an admin under Desk → API tokens." },
      },
    },
    paths: {
      "/claims": {
        get: read({
          operationId: "listClaims",
          summary: "List published claims",
          description: "Most recently updated first (then by id). Pages by cursor: pass `nextCursor` back as `cursor`.",
          requestParams: { query: ClaimListQuerySchema, header: ifNoneMatch },
          responses: readResponses(ClaimListSchema, "One page of claims.", { "400": problem("A query parameter is invalid.") }),
        }),
        post: {
          operationId: "createClaim",
          summary: "Log a claim (editor token)",
          description: "Logs an unverified draft with the desk's rules and history. Never sets a status; readers see it once an editor publishes it.",
          security: [{ bearerAuth: [] }],
          requestBody: { required: true, content: { "application/json": { schema: ClaimCreateBodySchema } } },
          responses: writeResponses(CreatedClaimSchema, "Logged.", { "409": problem("Similar claims exist (`similar` lists them); send confirmNotDuplicate: true to log it anyway.") }),
        },
      },
      "/claims/{ref}/evidence": {
        post: {
          operationId: "linkEvidence",
          summary: "Link evidence to a claim (editor token)",
          description: "`ref` must be the claim's id. Drafts included, as on the desk. Reader pages and API answers show it on their next load.",
          security: [{ bearerAuth: [] }],
          requestParams: { path: z.object({ ref: z.uuid().meta({ description: "The claim's id." }) }) },
          requestBody: { required: true, content: { "application/json": { schema: EvidenceCreateBodySchema } } },
          responses: writeResponses(CreatedEvidenceSchema, "Linked.", { "404": problem("No claim has that id.") }),
        },
      },
      "/claims/{ref}": {
        get: read({
          operationId: "getClaim",
          summary: "One published claim",
          requestParams: {
            path: z.object({ ref: z.string().meta({ description: "The claim's slug or id." }) }),
            header: ifNoneMatch,
          },
          responses: readResponses(ClaimSchema, "The claim.", { "404": problem("No published claim has that slug or id.") }),
        }),
      },
      "/search": {
        get: read({
          operationId: "searchClaims",
          summary: "Search published claims",
          description: "Full-text search (\"quoted phrases\", -exclusions, or), best first, with near spellings for short queries.",
          requestParams: { query: SearchQuerySchema, header: ifNoneMatch },
          responses: readResponses(SearchResultSchema, "Matching claims.", { "400": problem("A query parameter is invalid.") }),
        }),
      },
      "/entities": {
        get: read({
          operationId: "listEntities",
          summary: "List people, organisations and outlets on published claims",
          requestParams: { query: EntityListQuerySchema, header: ifNoneMatch },
          responses: readResponses(EntityListSchema, "One page of entities, by name.", { "400": problem("A query parameter is invalid.") }),
        }),
      },
      "/entities/{id}": {
        get: read({
          operationId: "getEntity",
          summary: "One entity",
          requestParams: { path: z.object({ id: z.uuid() }), header: ifNoneMatch },
          responses: readResponses(EntitySchema, "The entity.", { "404": problem("No entity with that id appears on a published claim.") }),
        }),
      },
    },
  });
}
