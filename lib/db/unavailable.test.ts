// The shapes below are copied from what tests/integration/database-unavailable.test.ts captures
// from a real PostgreSQL (that test checks the real objects); these pin the rules down in detail.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { databaseFailedRecently, databaseUnavailableCount, databaseUnavailableReason, isDatabaseUnavailable, noteDatabaseError } from "@/lib/db/unavailable";

function prismaError(code: string, cause: Record<string, unknown>) {
  return Object.assign(new Error("Invalid `prisma.$queryRaw()` invocation"), {
    name: "PrismaClientKnownRequestError",
    code,
    clientVersion: "7.10.1",
    meta: { driverAdapterError: { name: "DriverAdapterError", cause } },
  });
}

function postgresError(code: string, message: string) {
  const error = new pg.DatabaseError(message, message.length, "error");
  error.code = code;
  error.severity = "FATAL";
  return error;
}

describe("databaseUnavailableReason", () => {
  it("reads Prisma's own codes", () => {
    expect(databaseUnavailableReason(prismaError("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 }))).toBe("Prisma P1001");
    expect(databaseUnavailableReason(prismaError("P2037", { kind: "TooManyConnections", originalCode: "53300" }))).toBe("Prisma P2037");
    expect(databaseUnavailableReason({ code: "P1017" })).toBe("Prisma P1017");
  });

  it("reads the driver adapter's mapping behind a raw query's P2010", () => {
    expect(databaseUnavailableReason(prismaError("P2010", { kind: "DatabaseNotReachable" }))).toBe("DatabaseNotReachable");
    expect(databaseUnavailableReason(prismaError("P2010", { kind: "ConnectionClosed" }))).toBe("ConnectionClosed");
    expect(databaseUnavailableReason(prismaError("P2010", { kind: "SocketTimeout" }))).toBe("SocketTimeout");
    for (const code of ["57P01", "57P02", "57P03", "53300", "08006"]) {
      expect(databaseUnavailableReason(prismaError("P2010", { kind: "postgres", code, originalCode: code }))).toBe(`PostgreSQL ${code}`);
    }
  });

  it("reads pg's errors, with a code or only a message", () => {
    expect(databaseUnavailableReason(postgresError("57P03", "the database system is shutting down"))).toBe("PostgreSQL 57P03");
    expect(databaseUnavailableReason(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED", syscall: "connect" }))).toBe("ECONNREFUSED");
    expect(databaseUnavailableReason(new Error("Connection terminated unexpectedly"))).toBe("Connection terminated unexpectedly");
    expect(databaseUnavailableReason(new Error("timeout exceeded when trying to connect"))).toBe("timeout exceeded when trying to connect");
  });

  it("follows causes (Better Auth's APIError) and AggregateError", () => {
    const cause = prismaError("P1001", { kind: "DatabaseNotReachable" });
    expect(isDatabaseUnavailable(new Error("Failed to get session", { cause }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([new Error("x"), Object.assign(new Error("y"), { code: "ECONNRESET" })]))).toBe(true);
    const loop: { cause?: unknown } = {};
    loop.cause = loop;
    expect(isDatabaseUnavailable(loop)).toBe(false);
  });

  it("leaves every other error alone", () => {
    expect(databaseUnavailableReason(prismaError("P2002", { kind: "UniqueConstraintViolation" }))).toBeNull();
    expect(databaseUnavailableReason(prismaError("P2010", { kind: "postgres", code: "42601", originalCode: "42601" }))).toBeNull();
    expect(databaseUnavailableReason(postgresError("23505", "duplicate key value violates unique constraint"))).toBeNull();
    expect(databaseUnavailableReason(new Error("Connection terminated unexpectedly, said the user"))).toBeNull();
    for (const value of [null, undefined, "ECONNREFUSED", 42, {}]) expect(databaseUnavailableReason(value)).toBeNull();
  });
});

describe("noteDatabaseError", () => {
  it("counts only the errors that mean the database is unreachable", () => {
    const before = databaseUnavailableCount();
    expect(noteDatabaseError(new Error("nothing to do with it"))).toBe(false);
    expect(databaseUnavailableCount()).toBe(before);
    expect(noteDatabaseError(prismaError("P1001", { kind: "DatabaseNotReachable" }))).toBe(true);
    expect(databaseUnavailableCount()).toBe(before + 1);
  });

  it("remembers for a few seconds that the database failed, for requests that shared a failed render", () => {
    noteDatabaseError(prismaError("P1001", { kind: "DatabaseNotReachable" }));
    expect(databaseFailedRecently()).toBe(true);
    expect(databaseFailedRecently(-1)).toBe(false);
  });
});
