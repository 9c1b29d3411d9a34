import { jsonResponse } from "@/lib/api/http";
import { openApiDocument } from "@/lib/api/openapi";
import { siteConfig } from "@/lib/env";
import { z } from "zod";

// The OpenAPI 3.1 document, generated from the same Zod schemas the handlers answer through.
export function GET(request: Request) {
  return jsonResponse(request, z.record(z.string(), z.unknown()), openApiDocument(siteConfig().url) as unknown as Record<string, unknown>, { caching: "reader" });
}
