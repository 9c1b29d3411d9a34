// A courtesy check when an admin registers a webhook endpoint: say at once, on the form, that an
// address on a private network cannot be delivered to, instead of letting every delivery fail.
// It is not the guard: every delivery goes through outboundFetch (lib/net/outbound.ts), which checks
// the address each connection really uses (a name may resolve elsewhere later). The same rule as
// that guard's (addressAllowed).
import "server-only";
import { lookup } from "node:dns/promises";
import net from "node:net";
import { addressAllowed } from "@/lib/net/outbound";

/** Why `raw` cannot receive webhooks, in words for the form; null when it can. */
export async function endpointAddressProblem(raw: string): Promise<string | null> {
  const host = new URL(raw).hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (net.isIP(host)) {
    addresses = [host];
  } else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
    } catch {
      return `${host} could not be found (DNS). Check the address.`;
    }
  }
  const blocked = addresses.find((address) => !addressAllowed(address));
  return blocked
    ? `${host} is a private, loopback or link-local address (${blocked}). Claimtrail only delivers webhooks to public addresses.`
    : null;
}
