import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";
import { NewPasswordSchema, safeNextPath, SignInSchema } from "@/lib/auth/schema";

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
    [undefined, "/desk"],
  ])("%j → %s", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
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
  it("takes the address nearest the server, which a client cannot forge", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientAddress(new Headers({ "x-real-ip": "203.0.113.8" }))).toBe("203.0.113.8");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});
