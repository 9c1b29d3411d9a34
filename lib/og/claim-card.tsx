// A claim's share card (og:image, twitter:image): 1200 × 630, drawn with next/og. What a reader
// sees in a link preview: the status as a labelled badge (a word and a shape, never colour alone),
// the statement, the independence line as the claim page words it, and the newsroom's name.
// Readable at half size (600 × 315, a preview in a feed): no text smaller than 26 px here.
import "server-only";
import { ImageResponse } from "next/og";
import { STATUS_INFO, type StatusInfo } from "@/lib/claims/status";
import { CARD_SIZE } from "@/lib/og/card-size";
import { badgeText, type ClaimCardInput, cardStatement } from "@/lib/og/card-text";
import { cardFontFamily, cardFonts, drawableText } from "@/lib/og/fonts";


/** The status palette of app/globals.css (--color-status-*); lib/og/claim-card.test.ts keeps them equal. */
export const TONE_COLOURS: Record<StatusInfo["tone"], { ink: string; background: string }> = {
  neutral: { ink: "#4b5563", background: "#f1f2f4" },
  positive: { ink: "#11643a", background: "#e6f4ec" },
  warning: { ink: "#8a4b00", background: "#fdf0dc" },
  negative: { ink: "#9b1c1c", background: "#fbe9e9" },
};

const INK = "#1a1a1a";
const MUTED = "#4b5563";
const PAPER = "#fbfaf7";
const RULE = "#e4e1da";

function ToneIcon({ tone, colour }: { tone: StatusInfo["tone"]; colour: string }) {
  const common = { stroke: colour, strokeWidth: 5, fill: "none", strokeLinecap: "round" as const, strokeLinejoin: "round" as const };
  return (
    <svg width="34" height="34" viewBox="0 0 34 34">
      {tone === "neutral" ? <circle cx="17" cy="17" r="12" {...common} /> : null}
      {tone === "positive" ? <path d="M6 18 L14 26 L28 9" {...common} /> : null}
      {tone === "warning" ? (
        <>
          <path d="M17 5 L17 21" {...common} />
          <circle cx="17" cy="28.5" r="3" fill={colour} />
        </>
      ) : null}
      {tone === "negative" ? <path d="M8 8 L26 26 M26 8 L8 26" {...common} /> : null}
    </svg>
  );
}

export function ClaimCard({ status, statement, independence, newsroom, host }: ClaimCardInput) {
  const tone = STATUS_INFO[status].tone;
  const colours = TONE_COLOURS[tone];
  const shown = cardStatement(drawableText(statement));
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        backgroundColor: PAPER,
        color: INK,
        fontFamily: cardFontFamily(),
        padding: "40px 64px 36px",
        borderTop: `16px solid ${colours.ink}`,
      }}
    >
      <div style={{ display: "flex", alignItems: "center", justifyContent: "space-between" }}>
        <div
          style={{
            display: "flex",
            alignItems: "center",
            gap: 14,
            padding: "10px 26px 10px 20px",
            borderRadius: 999,
            backgroundColor: colours.background,
            color: colours.ink,
            border: `3px solid ${colours.ink}`,
            fontSize: 36,
            fontWeight: 700,
          }}
        >
          <ToneIcon tone={tone} colour={colours.ink} />
          <span>{badgeText(status)}</span>
        </div>
        <div style={{ display: "flex", fontSize: 28, fontWeight: 700, color: MUTED }}>Claim</div>
      </div>
      <div style={{ display: "flex", flexGrow: 1, alignItems: "center", marginTop: 16, marginBottom: 16, overflow: "hidden" }}>
        <div style={{ display: "block", fontSize: shown.fontSize, fontWeight: 700, lineHeight: 1.2, lineClamp: shown.lines }}>{shown.text}</div>
      </div>
      <div style={{ display: "block", fontSize: 30, lineHeight: 1.25, color: INK, lineClamp: 2, paddingBottom: 18, borderBottom: `2px solid ${RULE}` }}>
        {drawableText(independence)}
      </div>
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", marginTop: 18, fontSize: 28, color: MUTED }}>
        <span style={{ fontWeight: 700, color: INK }}>{drawableText(newsroom)}</span>
        <span>{drawableText(host)}</span>
      </div>
    </div>
  );
}

/** The card as PNG bytes. */
export async function renderClaimCard(input: ClaimCardInput): Promise<Buffer> {
  const image = new ImageResponse(<ClaimCard {...input} />, { ...CARD_SIZE, fonts: cardFonts() });
  return Buffer.from(await image.arrayBuffer());
}

/** The site's card (home and entity pages): the product, the newsroom, what it does. */
export function SiteCard({ newsroom, host }: { newsroom: string; host: string }) {
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        backgroundColor: PAPER,
        color: INK,
        fontFamily: cardFontFamily(),
        padding: "56px 64px 40px",
        borderTop: `16px solid ${INK}`,
      }}
    >
      <div style={{ display: "flex", fontSize: 84, fontWeight: 700 }}>
        <span>Claim</span>
        <span style={{ color: "#8a1c1c" }}>trail</span>
      </div>
      <div style={{ display: "block", fontSize: 50, fontWeight: 700, lineHeight: 1.2, lineClamp: 3 }}>
        Claims in the news, what the evidence says, and how our verdicts changed.
      </div>
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", paddingTop: 18, borderTop: `2px solid ${RULE}`, fontSize: 28, color: MUTED }}>
        <span style={{ fontWeight: 700, color: INK }}>{drawableText(newsroom)}</span>
        <span>{drawableText(host)}</span>
      </div>
    </div>
  );
}

/** The site card as PNG bytes. */
export async function renderSiteCard(input: { newsroom: string; host: string }): Promise<Buffer> {
  const image = new ImageResponse(<SiteCard {...input} />, { ...CARD_SIZE, fonts: cardFonts() });
  return Buffer.from(await image.arrayBuffer());
}
