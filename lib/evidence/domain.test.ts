import { describe, expect, it } from "vitest";
import { hostOf, matchOutlet } from "@/lib/evidence/domain";

const outlets = [
  { id: "reuters", domain: "reuters.com" },
  { id: "bbc", domain: "bbc.co.uk" },
  { id: "bbc-news", domain: "news.bbc.co.uk" },
  { id: "none", domain: null },
];

describe("outlet suggestion", () => {
  it("finds the outlet a URL is on, preferring the most specific domain", () => {
    expect(matchOutlet("https://www.reuters.com/world/x", outlets)?.id).toBe("reuters");
    expect(matchOutlet("https://news.bbc.co.uk/a", outlets)?.id).toBe("bbc-news");
    expect(matchOutlet("https://www.bbc.co.uk/a", outlets)?.id).toBe("bbc");
    expect(matchOutlet("https://notreuters.com/x", outlets)).toBeNull();
    expect(matchOutlet("javascript:alert(1)", outlets)).toBeNull();
  });

  it("reads only http(s) hosts", () => {
    expect(hostOf("https://WWW.CBC.ca/news")).toBe("cbc.ca");
    expect(hostOf("ftp://cbc.ca")).toBeNull();
    expect(hostOf("not a url")).toBeNull();
  });
});
