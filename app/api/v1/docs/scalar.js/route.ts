import { scalarBundle } from "@/lib/api/docs";

// Scalar's standalone bundle, from the installed @scalar/api-reference: the reference page loads
// it from here rather than from a CDN. Its URL carries the package's version, so it can be kept a year.
export async function GET(request: Request) {
  const { body, etag } = await scalarBundle();
  const headers = {
    "Content-Type": "text/javascript; charset=utf-8",
    "Cache-Control": "public, max-age=31536000, immutable",
    ETag: etag,
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(body), { headers });
}
