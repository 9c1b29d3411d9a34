"use client";

import { useId, useRef, useState } from "react";

type Copyable = { label: string; value: string; multiline?: boolean };

/**
 * The iframe snippet and the oEmbed address of a published claim, each in a read-only field with
 * a Copy button. Where the clipboard cannot be written (no permission, an old browser, http), the
 * button selects the field's text instead and says how to copy it; either way the result is
 * announced in a live region.
 */
export function EmbedPanel({ items }: { items: Copyable[] }) {
  const [message, setMessage] = useState("");
  return (
    <div className="mt-3 space-y-4">
      {items.map((item) => (
        <CopyField key={item.label} {...item} onResult={setMessage} />
      ))}
      <p role="status" aria-live="polite" className="min-h-5 text-sm font-semibold text-status-positive">
        {message}
      </p>
    </div>
  );
}

function CopyField({ label, value, multiline, onResult }: Copyable & { onResult: (message: string) => void }) {
  const id = useId();
  // "Iframe snippet" → "the iframe snippet"; "oEmbed address" stays as it is spelt.
  const name = `the ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      onResult(`Copied ${name}.`);
    } catch {
      field.current?.focus();
      field.current?.select();
      onResult(`Selected ${name}: press Ctrl+C (⌘C on a Mac) to copy it.`);
    }
  }

  const fieldClass = "mt-1 block w-full rounded-md border border-rule bg-paper px-3 py-2 font-mono text-xs text-ink";
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <div className="flex flex-wrap items-start gap-2 sm:flex-nowrap">
        {multiline ? (
          <textarea id={id} ref={field} readOnly value={value} rows={4} className={fieldClass} onFocus={(event) => event.currentTarget.select()} />
        ) : (
          <input id={id} ref={field} readOnly value={value} className={fieldClass} onFocus={(event) => event.currentTarget.select()} />
        )}
        <button
          type="button"
          onClick={copy}
          aria-label={`Copy ${name}`}
          className="mt-1 inline-flex min-h-11 shrink-0 items-center rounded-md bg-white px-4 py-2 font-semibold text-ink ring-1 ring-inset ring-rule hover:bg-paper"
        >
          Copy
        </button>
      </div>
    </div>
  );
}
