import { describe, expect, it } from "vitest";
import { claimChangeTags } from "@/lib/cache/invalidate";
import type { ClaimAudience } from "@/lib/cache/queries";

const published: ClaimAudience = { slug: "trump-spoke-with-putin", published: true, tags: ["russia"], about: ["e-trump", "e-putin"], sources: ["e-reuters"] };

describe("claimChangeTags: what a write to one claim expires", () => {
  it("expires nothing while the claim is a draft before and after", () => {
    const draft = { ...published, published: false };
    expect(claimChangeTags(draft, { ...draft, tags: ["new"] })).toEqual([]);
    expect(claimChangeTags(null, draft)).toEqual([]);
  });

  it("a status move on a published claim: its page, the lists, and the pages of everyone it names; not the filters", () => {
    const tags = claimChangeTags(published, published);
    expect(new Set(tags)).toEqual(new Set(["claims", "claim:trump-spoke-with-putin", "entity:e-trump", "entity:e-putin", "entity:e-reuters"]));
    expect(tags).not.toContain("filters");
  });

  it("publishing or unpublishing changes the filters too", () => {
    const draft = { ...published, published: false };
    expect(claimChangeTags(draft, published)).toContain("filters");
    expect(claimChangeTags(published, draft)).toContain("filters");
    expect(claimChangeTags(published, draft)).toContain("claim:trump-spoke-with-putin");
  });

  it("evidence from a new outlet, a new topic or a new person changes the filters; the entities before and after are expired", () => {
    const withAp = { ...published, sources: ["e-ap", "e-reuters"] };
    const tags = claimChangeTags(published, withAp);
    expect(tags).toContain("filters");
    expect(tags).toContain("entity:e-ap");
    const removedPutin = claimChangeTags(published, { ...published, about: ["e-trump"] });
    expect(removedPutin).toContain("entity:e-putin");
    expect(claimChangeTags(published, { ...published, tags: ["kremlin"] })).toContain("filters");
    // The same topics in another order are the same topics.
    expect(claimChangeTags({ ...published, tags: ["a", "b"] }, { ...published, tags: ["b", "a"] })).not.toContain("filters");
  });
});
