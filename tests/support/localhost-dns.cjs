// Preloaded (node --require) into the browser tests' app server: names under `.localhost` resolve
// to 127.0.0.1, as RFC 6761 asks and as Chromium, curl and systemd-resolved already do, though this
// container's resolver does not. The evidence form accepts domain names only, so the archive's
// browser test links http://gazette.localhost:<port>/… for the article server it runs on
// 127.0.0.1. Outbound requests still go through the SSRF guard, which sees 127.0.0.1 (allowed
// only because the test server sets OUTBOUND_ALLOW_PRIVATE=1).
const dns = process.getBuiltinModule("node:dns");

const original = dns.lookup;
// The module object itself (what require("node:dns") returns), so every caller sees the change.
// A CommonJS preload, because --require runs before anything else loads (an --import preload did
// not reach the worker that tsx starts).
dns.lookup = function lookup(hostname, options, callback) {
  if (typeof hostname === "string" && /\.localhost\.?$/i.test(hostname)) {
    const cb = typeof options === "function" ? options : callback;
    const all = typeof options === "object" && options !== null && options.all;
    process.nextTick(() => (all ? cb(null, [{ address: "127.0.0.1", family: 4 }]) : cb(null, "127.0.0.1", 4)));
    return {};
  }
  return original.call(this, hostname, options, callback);
};
