// The share card's fonts: Noto Sans from @fontsource/noto-sans, read from node_modules, so that
// nothing is downloaded at build or run time. Its CSS says which characters each file draws
// (unicode-range); the card draws only those. next/og would otherwise fetch a Google font for any
// other character (an emoji, Chinese), which a server without network cannot, and should not, do.
import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";

const PACKAGE = path.join(process.cwd(), "node_modules/@fontsource/noto-sans");
const WEIGHTS = [400, 700] as const;

export type CardFont = { name: string; data: ArrayBuffer; weight: (typeof WEIGHTS)[number]; style: "normal" };

type Face = { file: string; subset: string; ranges: [number, number][] };

/** The @font-face rules of one weight's CSS: each subset's .woff file and the ranges it covers. */
export function parseFaces(css: string): Face[] {
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].flatMap(([, body = ""]) => {
    const file = /url\(\.\/files\/([^)]+\.woff)\)/.exec(body)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
    const subset = /^noto-sans-(.+)-\d+-normal\.woff$/.exec(file ?? "")?.[1];
    if (!file || !range || !subset) return [];
    const ranges = range.split(",").map((part): [number, number] => {
      const [from = "", to] = part.trim().replace(/^U\+/i, "").split("-");
      return [parseInt(from, 16), parseInt(to ?? from, 16)];
    });
    return [{ file, subset, ranges }];
  });
}

let loaded: { fonts: CardFont[]; ranges: [number, number][]; family: string } | undefined;

/** Latin first: the subsets overlap a little (combining accents), and Latin is the common case. */
const order = (subset: string) => (subset === "latin" ? 0 : subset === "latin-ext" ? 1 : 2);

function load() {
  if (loaded) return loaded;
  const fonts: CardFont[] = [];
  let ranges: [number, number][] = [];
  for (const weight of WEIGHTS) {
    const faces = parseFaces(readFileSync(path.join(PACKAGE, `${weight}.css`), "utf8")).sort((a, b) => order(a.subset) - order(b.subset));
    // next/og draws a character with the first font of the family list that has it, but keeps one
    // font per name: each subset gets a name of its own.
    for (const face of faces) {
      const data = readFileSync(path.join(PACKAGE, "files", face.file));
      fonts.push({ name: `Noto Sans ${face.subset}`, data: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer, weight, style: "normal" });
    }
    // Both weights cover the same characters; the regular one's list is kept.
    if (weight === 400) ranges = faces.flatMap((face) => face.ranges);
  }
  const family = [...new Set(fonts.map((font) => `"${font.name}"`))].join(", ");
  loaded = { fonts, ranges, family };
  return loaded;
}

export function cardFonts(): CardFont[] {
  return load().fonts;
}

/** The CSS font-family list naming every subset, Latin first. */
export function cardFontFamily(): string {
  return load().family;
}

/**
 * `text` with every run of characters the fonts cannot draw (and control characters) replaced by
 * one ellipsis, so that the card never asks for a font from the network.
 */
export function drawableText(text: string): string {
  const { ranges } = load();
  let out = "";
  let skipping = false;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const drawable = code >= 0x20 && !(code >= 0x7f && code < 0xa0) && ranges.some(([from, to]) => code >= from && code <= to);
    if (drawable) {
      out += char;
      skipping = false;
    } else if (/\s/.test(char)) {
      out += " ";
      skipping = false;
    } else if (!skipping) {
      out += "…";
      skipping = true;
    }
  }
  return out;
}
