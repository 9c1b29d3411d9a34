import { describe, expect, it } from "vitest";
import { assertCan, can, PERMISSIONS } from "@/lib/auth/permissions";
import { ForbiddenError } from "@/lib/errors";

describe("can", () => {
  it("lets editors edit the record, admins manage accounts, and fact-checkers read", () => {
    expect(can({ role: "editor" }, "claim.create")).toBe(true);
    expect(can({ role: "fact_checker" }, "claim.create")).toBe(false);
    expect(can({ role: "admin" }, "claim.create")).toBe(false);
    expect(can({ role: "admin" }, "user.manage")).toBe(true);
    expect(can({ role: "editor" }, "user.manage")).toBe(false);
    for (const role of ["editor", "fact_checker", "admin"] as const) expect(can({ role }, "desk.read")).toBe(true);
    for (const role of ["editor", "fact_checker", "admin"] as const) expect(can({ role }, "dashboard.read")).toBe(true);
    expect(can(null, "dashboard.read")).toBe(false);
  });

  it("refuses readers, and anything the table does not know", () => {
    expect(can(null, "desk.read")).toBe(false);
    expect(can({ role: "admin" }, "claim.delete")).toBe(false);
    expect(can({ role: "admin" }, "toString")).toBe(false);
    expect(can({ role: "admin" }, "__proto__")).toBe(false);
  });

  it("assertCan throws ForbiddenError", () => {
    expect(() => assertCan({ role: "fact_checker" }, "evidence.link")).toThrow(ForbiddenError);
    expect(() => assertCan({ role: "editor" }, "evidence.link")).not.toThrow();
  });

  it("gives every permission to at least one role", () => {
    for (const roles of Object.values(PERMISSIONS)) expect(roles.length).toBeGreaterThan(0);
  });
});
