// The client's address, for throttling. Next.js puts the connecting address in X-Forwarded-For
// (appending to what a proxy sent), so the rightmost entry is the one this server or its nearest
// proxy saw: a client cannot forge it by sending its own header.
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || headers.get("x-real-ip")?.trim() || "unknown";
}
