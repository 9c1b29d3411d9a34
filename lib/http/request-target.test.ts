import { describe, expect, it } from "vitest";
import { actionOriginRefusal, checkRequestTarget, clientAddressFrom } from "@/lib/http/request-target";

describe("checkRequestTarget", () => {
  it.each(["/claims/%zz", "/claims/%ED%A0%80", "/entities/%", "/claims/%/feed.xml", "/invite/%ED%A0%80", "/desk/claims/%", "/claims/%00", "/claims/%00/feed.xml", "/a%E0%A4%A"])(
    "refuses %s as malformed",
    (target) => {
      expect(checkRequestTarget(target)).toEqual({ ok: false, reason: "malformed" });
    },
  );

  it("decodes a well-formed path and ignores the query, which Next parses leniently", () => {
    expect(checkRequestTarget("/claims/trump-spoke-with-putin?tag=%00&x=%zz")).toEqual({ ok: true, pathname: "/claims/trump-spoke-with-putin" });
    expect(checkRequestTarget("/entities/%C3%A9l%C3%A9ment")).toEqual({ ok: true, pathname: "/entities/élément" });
    expect(checkRequestTarget("/claims/x#%zz")).toEqual({ ok: true, pathname: "/claims/x" });
  });

  it("tells the asterisk and absolute forms apart", () => {
    expect(checkRequestTarget("*")).toEqual({ ok: false, reason: "asterisk" });
    expect(checkRequestTarget("http://evil.example/")).toEqual({ ok: false, reason: "absolute" });
    expect(checkRequestTarget(undefined)).toEqual({ ok: false, reason: "absolute" });
  });
});

describe("actionOriginRefusal", () => {
  it("lets this site's own origin and a missing origin through", () => {
    expect(actionOriginRefusal({ origin: "http://127.0.0.1:3100", host: "127.0.0.1:3100" })).toBeNull();
    expect(actionOriginRefusal({ origin: undefined, host: "127.0.0.1:3100" })).toBeNull();
    expect(actionOriginRefusal({ origin: "https://claims.example.org", host: "internal:3000", forwardedHost: "claims.example.org" })).toBeNull();
  });

  it("refuses null, unparseable and foreign origins", () => {
    expect(actionOriginRefusal({ origin: "null", host: "a.example" })).toMatch(/null/);
    expect(actionOriginRefusal({ origin: "::not a url::", host: "a.example" })).toMatch(/not a URL/);
    expect(actionOriginRefusal({ origin: "https://evil.example", host: "a.example" })).toMatch(/foreign/);
    expect(actionOriginRefusal({ origin: "https://a.example", host: undefined })).toMatch(/foreign/);
    expect(actionOriginRefusal({ origin: "https://a.example.evil.example", host: "a.example" })).toMatch(/foreign/);
  });
});

describe("clientAddressFrom", () => {
  it("with no trusted proxy, uses the socket and ignores X-Forwarded-For", () => {
    expect(clientAddressFrom("198.51.100.4", "6.6.6.6", 0)).toBe("198.51.100.4");
    expect(clientAddressFrom(undefined, "6.6.6.6", 0)).toBe("unknown");
  });

  it("behind N proxies, takes the entry N places from the right, which the client cannot write", () => {
    expect(clientAddressFrom("10.0.0.2", "6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddressFrom("10.0.0.3", "6.6.6.6, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
    expect(clientAddressFrom("10.0.0.2", "", 1)).toBe("10.0.0.2");
  });
});
