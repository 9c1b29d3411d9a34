import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";
import { NewPasswordSchema, safeNextPath, SignInSchema } from "@/lib/auth/schema";
import { OPEN_REDIRECT_ATTEMPTS } from "@/tests/fixtures/open-redirects";

const SITE = "https://claims.example.org";

/** Where a browser goes when the Location header is `location`, from a page of SITE. */
function landsOn(location: string): string {
  return new URL(location, `${SITE}/sign-in`).origin;
}

describe("safeNextPath", () => {
  it.each([
    ["/desk/claims/new", "/desk/claims/new"],
    ["/desk?status=disputed#top", "/desk?status=disputed#top"],
    ["//evil.example", "/desk"],
    ["///evil.example", "/desk"],
    ["/\\evil.example", "/desk"],
    ["https://evil.example/", "/desk"],
    ["javascript:alert(1)", "/desk"],
    ["desk", "/desk"],
    ["/desk\nSet-Cookie: x", "/desk"],
    ["/..//evil.example", "/desk"],
    ["/desk/../..//evil.example", "/desk"],
    ["/desk/../claims", "/claims"],
    [undefined, "/desk"],
  ])("%j → %s", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each(OPEN_REDIRECT_ATTEMPTS.map((next) => [next]))("keeps %j on this site", (next) => {
    const path = safeNextPath(next);
    expect(path.startsWith("/") && !path.startsWith("//")).toBe(true);
    expect(landsOn(path)).toBe(SITE);
  });
});

describe("sign-in and password schemas", () => {
  it("normalises the email and never states the password policy at sign-in", () => {
    expect(SignInSchema.parse({ email: "  Editor@Newsroom.Example ", password: "x" }).email).toBe("editor@newsroom.example");
    expect(SignInSchema.safeParse({ email: "not-an-email", password: "x" }).success).toBe(false);
  });

  it("accepts 8 to 128 characters with no composition rules", () => {
    expect(NewPasswordSchema.safeParse("abcdefgh").success).toBe(true);
    expect(NewPasswordSchema.safeParse("a".repeat(128)).success).toBe(true);
    expect(NewPasswordSchema.safeParse("abcdefg").success).toBe(false);
    expect(NewPasswordSchema.safeParse("a".repeat(129)).success).toBe(false);
  });
});

describe("clientAddress", () => {
  it("reads only the header the HTTP front writes, never X-Forwarded-For", () => {
    expect(clientAddress(new Headers({ "x-claimtrail-client-address": "203.0.113.7", "x-forwarded-for": "6.6.6.6" }))).toBe("203.0.113.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6" }))).toBe("unknown");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});
