import { parseCrontab } from "graphile-worker";
import { describe, expect, it } from "vitest";
import { JOBS, SCHEDULE } from "@/lib/jobs/catalog";

describe("SCHEDULE", () => {
  it("is a crontab graphile-worker parses (a worker given a bad line exits at start)", () => {
    expect(() => parseCrontab(SCHEDULE.join("\n"))).not.toThrow();
  });

  it.each(SCHEDULE.map((line) => [line]))("%s: runs a job of the catalog that takes an empty payload", (line) => {
    const [item] = parseCrontab(line);
    const schema = JOBS[item!.task as keyof typeof JOBS];
    expect(schema).toBeDefined();
    expect(schema.safeParse({}).success).toBe(true);
  });
});
