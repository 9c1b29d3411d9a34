// The client's address, for throttling sign-ins per address.
//
// The HTTP front (scripts/server.ts) works it out from the connection, or from the entries that
// trusted proxies appended to X-Forwarded-For (TRUSTED_PROXY_HOPS), and passes it on in a header
// it always overwrites; X-Forwarded-For itself is never read here, since a client can write it.
// Without the front (a bare `next start`) every request counts as one "unknown" address: the
// per-address limit then applies to everyone together, which fails closed. The per-account limit
// does not depend on any of this.
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/request-target";

export function clientAddress(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER)?.trim() || "unknown";
}
