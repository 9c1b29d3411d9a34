import { splitHighlight } from "@/lib/search/highlight";

/** Text with search matches marked; the text is never treated as HTML. */
export function Highlighted({ text }: { text: string }) {
  return (
    <>
      {splitHighlight(text).map((part, index) =>
        part.match ? (
          <mark key={index} className="rounded-sm bg-status-warning-bg px-0.5 text-ink">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
