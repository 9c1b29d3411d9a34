// The client's address, for throttling sign-ins per address.
//
// Next.js sets X-Forwarded-For to the connecting address only when the request has none, so
// without a proxy in front a client can send any value it likes. Behind a proxy that appends the
// address it saw (nginx's $proxy_add_x_forwarded_for, most load balancers), the rightmost entry is
// that proxy's view, which a client cannot forge. Production must run behind such a proxy
// (docs/deploy.md); per-account throttling does not depend on any of this.
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || headers.get("x-real-ip")?.trim() || "unknown";
}
