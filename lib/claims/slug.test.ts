import { describe, expect, it } from "vitest";
import { firstFreeSlug, slugify } from "@/lib/claims/slug";

describe("slugify", () => {
  it("makes a readable ASCII slug of at most 60 characters, cut at a word", () => {
    expect(slugify("Trump spoke with Putin")).toBe("trump-spoke-with-putin");
    expect(slugify("Zelenskyy's call — “excellent”, Peskov says")).toBe("zelenskyys-call-excellent-peskov-says");
    expect(slugify("Ça a coûté 174 milliards de dollars")).toBe("ca-a-coute-174-milliards-de-dollars");
    const long = slugify("Ukraine attacked Moscow with at least 34 drones on 10 November 2024, the largest drone strike");
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toBe("ukraine-attacked-moscow-with-at-least-34-drones-on-10");
    expect(slugify("!!!")).toBe("claim");
  });

  it("numbers a slug that is taken", () => {
    expect(firstFreeSlug("a", new Set())).toBe("a");
    expect(firstFreeSlug("a", new Set(["a", "a-2"]))).toBe("a-3");
  });
});
