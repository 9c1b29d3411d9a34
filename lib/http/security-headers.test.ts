import { describe, expect, it } from "vitest";
import { apiReferencePolicy, baselineSecurityHeaders, contentSecurityPolicy, createNonce, framingHeaders, policyKind } from "@/lib/http/security-headers";

function directives(policy: string): Map<string, string> {
  return new Map(policy.split(";").map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values.join(" ")]));
}

describe("policyKind", () => {
  it.each([
    ["/desk", "desk"],
    ["/desk/claims/x", "desk"],
    ["/sign-in", "desk"],
    ["/invite/abc", "desk"],
    ["/desktop", "reader"],
    ["/", "reader"],
    ["/claims/x", "reader"],
    ["/claims/x/feed.xml", "data"],
    ["/feeds/changes.xml", "data"],
    ["/api/health", "data"],
    ["/robots.txt", "data"],
    ["/embed/claims/x", "embed"],
    ["/embedded", "reader"],
    ["/api/oembed", "data"],
    ["/archive/0195f2c4-0000-7000-8000-000000000000", "archive"],
    ["/archive/0195f2c4-0000-7000-8000-000000000000/text", "archive"],
    ["/archived", "reader"],
  ])("%s → %s", (pathname, kind) => {
    expect(policyKind(pathname)).toBe(kind);
  });
});

describe("contentSecurityPolicy", () => {
  it("gives the desk a strict nonce policy", () => {
    const policy = directives(contentSecurityPolicy("desk", { nonce: "abc" }));
    expect(policy.get("script-src")).toBe("'self' 'nonce-abc' 'strict-dynamic'");
    for (const [name, value] of [["object-src", "'none'"], ["base-uri", "'none'"], ["frame-ancestors", "'none'"], ["form-action", "'self'"]]) {
      expect(policy.get(name!)).toBe(value);
    }
  });

  it("gives readers a policy with no nonce, no eval and no foreign script origin", () => {
    const policy = directives(contentSecurityPolicy("reader"));
    expect(policy.get("script-src")).toBe("'self' 'unsafe-inline'");
    expect(policy.get("object-src")).toBe("'none'");
    expect(policy.get("base-uri")).toBe("'none'");
    expect(policy.get("frame-ancestors")).toBe("'none'");
  });

  it("lets nothing run in data responses", () => {
    expect(directives(contentSecurityPolicy("data")).get("default-src")).toBe("'none'");
  });

  it("lets any site frame an embed, which runs nothing and posts nowhere", () => {
    const policy = directives(contentSecurityPolicy("embed"));
    expect(policy.get("frame-ancestors")).toBe("*");
    expect(policy.get("default-src")).toBe("'none'");
    expect(policy.has("script-src")).toBe(false);
    expect(policy.get("base-uri")).toBe("'none'");
    expect(policy.get("form-action")).toBe("'none'");
  });

  it("allows eval only on the dev server", () => {
    expect(contentSecurityPolicy("desk", { nonce: "n" })).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy("desk", { nonce: "n", dev: true })).toContain("'unsafe-eval'");
  });
});

describe("framingHeaders", () => {
  it("drops X-Frame-Options for embeds only", () => {
    expect(framingHeaders("embed").remove).toEqual(["X-Frame-Options"]);
    for (const kind of ["desk", "reader", "data"] as const) expect(framingHeaders(kind)).toEqual({ remove: [], set: {} });
  });
});

describe("baselineSecurityHeaders", () => {
  it("sends HSTS only when the site is https", () => {
    expect(baselineSecurityHeaders({ https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(baselineSecurityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
  });

  it("makes a fresh nonce each time", () => {
    expect(createNonce()).not.toBe(createNonce());
    expect(createNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("the API reference page's policy", () => {
  it("runs only this site's scripts and the nonced start-up script, and connects only here", () => {
    const policy = apiReferencePolicy("abc123");
    expect(policy).toContain("script-src 'self' 'nonce-abc123'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/https?:|\*|'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
  });
});
