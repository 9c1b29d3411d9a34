import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { STATUS_INFO } from "@/lib/claims/status";
import { CARD_SIZE } from "@/lib/og/card-size";
import { cardAlt, cardStatement, claimOgTitle, OG_TITLE_MAX } from "@/lib/og/card-text";
import { renderClaimCard, renderSiteCard, TONE_COLOURS } from "@/lib/og/claim-card";
import { drawableText, parseFaces } from "@/lib/og/fonts";

const LONG =
  "Congress appropriated more than US$174 billion for Ukraine under President Biden, according to the US Government Accountability Office.";
const input = {
  status: "disputed" as const,
  statement: "Donald Trump spoke with Vladimir Putin by phone on 7 November 2024 and advised him not to escalate the war in Ukraine.",
  independence: "2 independent reports, both anonymous; 1 denial or dispute, on the record",
  newsroom: "Claimtrail Demo Newsroom",
  host: "claims.example.org",
};

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(png: Buffer) {
  expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("the words of link previews", () => {
  it("keeps og:title within what previews show, starting with the status", () => {
    const title = claimOgTitle("disputed", LONG);
    expect(title.length).toBeLessThanOrEqual(OG_TITLE_MAX);
    expect(title).toMatch(/^Disputed: Congress appropriated .*…$/);
    expect(claimOgTitle("false", "Short claim.")).toBe("False: Short claim.");
  });

  it("gives the card's alt text the status, the whole statement, the independence line and the newsroom", () => {
    expect(cardAlt({ ...input, statement: LONG })).toBe(
      `Status: Disputed. ${LONG} 2 independent reports, both anonymous; 1 denial or dispute, on the record. Claimtrail Demo Newsroom.`,
    );
  });

  it("sizes the statement to its length and clamps very long ones at a word", () => {
    expect(cardStatement("Short.")).toEqual({ text: "Short.", fontSize: 60, lines: 2 });
    expect(cardStatement(LONG).fontSize).toBe(42);
    const huge = cardStatement("word ".repeat(400));
    expect(huge.text.length).toBeLessThanOrEqual(240);
    expect(huge.text.endsWith("word…")).toBe(true);
  });
});

describe("the card's fonts", () => {
  it("reads each subset's file and ranges from the package's CSS", () => {
    const faces = parseFaces(readFileSync("node_modules/@fontsource/noto-sans/700.css", "utf8"));
    expect(faces.map((face) => face.subset)).toEqual(expect.arrayContaining(["latin", "latin-ext", "cyrillic", "greek"]));
    expect(faces.find((face) => face.subset === "latin")?.ranges[0]).toEqual([0, 0xff]);
  });

  it("draws Latin, Cyrillic and Greek, and replaces what it cannot draw by one ellipsis a run", () => {
    expect(drawableText("Zelenskyy / Зеленський / Ζελένσκι — “quoted”")).toBe("Zelenskyy / Зеленський / Ζελένσκι — “quoted”");
    expect(drawableText("Rocket 🚀🚀 in 中文 and \u0000 done")).toBe("Rocket … in … and … done");
  });
});

describe("the share cards", () => {
  const fetched: string[] = [];
  beforeEach(() => {
    fetched.length = 0;
    const original = globalThis.fetch;
    // next/og loads its own WebAssembly through data: URLs; anything else would be the network.
    vi.spyOn(globalThis, "fetch").mockImplementation(async (url, init) => {
      const address = url instanceof Request ? url.url : String(url);
      if (address.startsWith("data:")) return original(url, init);
      fetched.push(address);
      throw new Error(`no network in tests: ${address}`);
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it("is a 1200 × 630 PNG per status, each different, drawn without the network whatever the statement holds", async () => {
    const cards = new Map<string, Buffer>();
    for (const status of Object.keys(STATUS_INFO) as (keyof typeof STATUS_INFO)[]) {
      const png = await renderClaimCard({ ...input, status, statement: `${input.statement} 🚀 中文 العربية ${"x".repeat(300)}` });
      expect(pngSize(png)).toEqual(CARD_SIZE);
      expect(png.length).toBeGreaterThan(10_000);
      cards.set(status, png);
    }
    expect(new Set([...cards.values()].map((png) => png.toString("base64"))).size).toBe(cards.size);
    expect(pngSize(await renderSiteCard({ newsroom: input.newsroom, host: input.host }))).toEqual(CARD_SIZE);
    expect(fetched).toEqual([]);
    // Seven renders: seconds on a busy machine.
  }, 60_000);

  it("is the same image for the same claim (so a CDN's validator holds), and another when the status moves", async () => {
    const first = await renderClaimCard(input);
    expect((await renderClaimCard(input)).equals(first)).toBe(true);
    expect((await renderClaimCard({ ...input, status: "false" })).equals(first)).toBe(false);
  }, 60_000);

  it("uses the status palette of the pages", () => {
    const css = readFileSync("app/globals.css", "utf8");
    for (const [tone, colours] of Object.entries(TONE_COLOURS)) {
      expect(css).toContain(`--color-status-${tone}: ${colours.ink};`);
      expect(css).toContain(`--color-status-${tone}-bg: ${colours.background};`);
    }
  });
});
