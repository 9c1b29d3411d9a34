// Sign-in, sessions and accounts, through the real server actions, Better Auth and Postgres.
import { describe, expect, it, vi } from "vitest";
import { acceptInvitationAction, changeRoleAction, createAccountAction, setAccountActiveAction } from "@/lib/accounts/actions";
import { createFirstAdmin } from "@/lib/accounts/mutations";
import { getAuth } from "@/lib/auth/auth";
import { signInAction, signOutAction } from "@/lib/auth/actions";
import { getViewer } from "@/lib/auth/session";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from "@/lib/auth/throttle";
import { db } from "@/lib/db";
import { actAs, createAccountWithPassword } from "@/tests/factories/sessions";
import { OPEN_REDIRECT_ATTEMPTS } from "@/tests/fixtures/open-redirects";
import { browser, redirectTarget, submit } from "@/tests/setup/next-request";

vi.mock("next/headers", async () => (await import("@/tests/setup/next-request")).nextHeadersMock);
vi.mock("next/headers.js", async () => (await import("@/tests/setup/next-request")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("@/tests/setup/next-request")).nextCacheMock);
// getViewer is wrapped in React's cache(), which only caches inside a request; outside it is a
// plain function, as needed here.

const WRONG = "That email and password do not match an active account.";

async function signIn(email: string, password: string, next?: string) {
  browser.clear();
  return submit(signInAction, { email, password, ...(next === undefined ? {} : { next }) });
}

describe("signing in", () => {
  it("starts a database session with a protective cookie and goes only to local paths", async () => {
    const account = await createAccountWithPassword("editor");
    const result = await signIn(account.email, account.password, "/desk/claims/new");
    expect(result.redirectedTo).toBe("/desk/claims/new");
    expect([...browser.cookies.keys()]).toEqual(["claimtrail.session_token"]);
    expect(await getViewer()).toMatchObject({ email: account.email, role: "editor" });
    await expect(db().session.count({ where: { userId: account.id } })).resolves.toBe(1);

    const response = await getAuth().api.signInEmail({ body: { email: account.email, password: account.password }, asResponse: true });
    const cookie = response.headers.getSetCookie().find((header) => header.startsWith("claimtrail.session_token="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);

    // The sign-in action's redirect (x-action-redirect) stays on this site for every variant.
    for (const next of OPEN_REDIRECT_ATTEMPTS) {
      const target = (await signIn(account.email, account.password, next)).redirectedTo ?? "";
      expect(target.startsWith("/") && !target.startsWith("//"), `${JSON.stringify(next)} → ${target}`).toBe(true);
      expect(new URL(target, "https://claims.example.org/sign-in").origin, JSON.stringify(next)).toBe("https://claims.example.org");
    }
  });

  it("answers a wrong password, an unknown email and a deactivated account alike", async () => {
    const account = await createAccountWithPassword("editor");
    const deactivated = await createAccountWithPassword("editor");
    await db().user.update({ where: { id: deactivated.id }, data: { deactivatedAt: new Date() } });

    for (const [email, password] of [
      [account.email, "wrong password"],
      ["nobody@test.example", "wrong password"],
      [deactivated.email, deactivated.password],
    ] as const) {
      const { state } = await signIn(email, password);
      expect(state).toMatchObject({ status: "error", message: WRONG, values: { email } });
      expect(state?.values).not.toHaveProperty("password");
    }
    await expect(db().session.count()).resolves.toBe(0);
  });

  it(`throttles an account after ${MAX_FAILURES_PER_ACCOUNT} failures, even with the right password`, async () => {
    const account = await createAccountWithPassword("editor");
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ACCOUNT; attempt += 1) {
      browser.address = `198.51.100.${attempt}`;
      expect((await signIn(account.email, "guess")).state?.message).toBe(WRONG);
    }
    browser.address = "198.51.100.200";
    const { state } = await signIn(account.email, account.password);
    expect(state?.message).toMatch(/^Too many failed attempts\. Try again in 15 minutes\.$/);
    await expect(db().session.count()).resolves.toBe(0);
  });

  it("lets no more than the limit through when many attempts arrive at once", async () => {
    const account = await createAccountWithPassword("editor");
    browser.clear();
    const results = await Promise.all(
      Array.from({ length: 12 }, () => submit(signInAction, { email: account.email, password: "guess" })),
    );
    const tried = results.filter((result) => result.state?.message === WRONG).length;
    expect(tried).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT);
    expect(results.filter((result) => /Too many failed attempts/.test(result.state?.message ?? "")).length).toBe(12 - tried);
  });

  it(`throttles an address after ${MAX_FAILURES_PER_ADDRESS} failures across accounts`, async () => {
    browser.address = "192.0.2.99";
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ADDRESS; attempt += 1) {
      await signIn(`someone${attempt}@test.example`, "guess");
    }
    const account = await createAccountWithPassword("editor");
    expect((await signIn(account.email, account.password)).state?.message).toMatch(/Too many failed attempts/);
    browser.address = "192.0.2.100";
    expect((await signIn(account.email, account.password)).redirectedTo).toBe("/desk");
  });
});

describe("sessions", () => {
  it("end on sign-out, on the server", async () => {
    const { id } = await actAs("editor");
    await expect(signOutAction()).rejects.toSatisfy((error) => redirectTarget(error) === "/sign-in?signedOut=1");
    await expect(db().session.count({ where: { userId: id! } })).resolves.toBe(0);
    expect(await getViewer()).toBeNull();
  });

  it("end after 8 idle hours", async () => {
    const { id } = await actAs("editor");
    await db().session.updateMany({ where: { userId: id! }, data: { updatedAt: new Date(Date.now() - 8 * 60 * 60 * 1000 - 1000) } });
    expect(await getViewer()).toBeNull();
    await expect(db().session.count({ where: { userId: id! } })).resolves.toBe(0);
  });

  it("end at their absolute expiry however active they are", async () => {
    const { id } = await actAs("editor");
    await db().session.updateMany({ where: { userId: id! }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getViewer()).toBeNull();
  });
});

describe("accounts", () => {
  it("a role change or a deactivation ends that person's sessions at once", async () => {
    const member = await createAccountWithPassword("editor");
    await signIn(member.email, member.password);
    const memberCookies = new Map(browser.cookies);

    await actAs("admin");
    expect((await submit(changeRoleAction, { userId: member.id, role: "fact_checker" })).state?.status).toBe("success");
    await expect(db().session.count({ where: { userId: member.id } })).resolves.toBe(0);

    browser.cookies = memberCookies;
    expect(await getViewer()).toBeNull();

    await signIn(member.email, member.password);
    expect(await getViewer()).toMatchObject({ role: "fact_checker" });
    await actAs("admin");
    await submit(setAccountActiveAction, { userId: member.id, active: "deactivate" });
    await expect(db().session.count({ where: { userId: member.id } })).resolves.toBe(0);
    expect((await signIn(member.email, member.password)).state?.message).toBe(WRONG);
  });

  it("an admin cannot demote or deactivate themself", async () => {
    const { id } = await actAs("admin");
    expect((await submit(changeRoleAction, { userId: id!, role: "editor" })).state?.message).toMatch(/ask another admin/);
    expect((await submit(setAccountActiveAction, { userId: id!, active: "deactivate" })).state?.message).toMatch(/ask another admin/);
  });

  it("an invitation link sets a password once, and refuses a common or short one", async () => {
    await actAs("admin");
    const created = await submit(createAccountAction, { name: "New Hire", email: "New.Hire@Test.example", role: "fact_checker" });
    const link = created.state?.link ?? "";
    expect(link).toMatch(/^http:\/\/localhost:3000\/invite\/[\w-]{40,}$/);
    const token = link.split("/").at(-1)!;
    const stored = await db().verification.findFirstOrThrow({ select: { value: true } });
    expect(stored.value).not.toContain(token);

    browser.clear();
    const short = await submit(acceptInvitationAction, { token, password: "short", confirm: "short" });
    expect(short.state?.fieldErrors?.password?.[0]).toMatch(/at least 8/);
    const common = await submit(acceptInvitationAction, { token, password: "password123", confirm: "password123" });
    expect(common.state?.fieldErrors?.password?.[0]).toMatch(/most common passwords/);

    const accepted = await submit(acceptInvitationAction, { token, password: "a long and unusual phrase", confirm: "a long and unusual phrase" });
    expect(accepted.redirectedTo).toBe("/sign-in?invited=1");
    expect((await signIn("new.hire@test.example", "a long and unusual phrase")).redirectedTo).toBe("/desk");

    const again = await submit(acceptInvitationAction, { token, password: "another long phrase", confirm: "another long phrase" });
    expect(again.state?.message).toMatch(/expired or was already used/);
  });

  it("the first admin can be created from the command line only while there is no active admin", async () => {
    const { invitationUrl } = await createFirstAdmin({ name: "First Admin", email: "first@test.example" });
    expect(invitationUrl).toMatch(/\/invite\//);
    await expect(db().user.findUniqueOrThrow({ where: { email: "first@test.example" }, select: { role: true } })).resolves.toEqual({ role: "admin" });
    await expect(createFirstAdmin({ name: "Second", email: "second@test.example" })).rejects.toThrow(/active admin exists already/);
    await expect(db().user.count()).resolves.toBe(1);
  });
});
