"use client";

import { useCombobox } from "downshift";
import { type KeyboardEvent, useEffect, useId, useState } from "react";
import { type EntityOption, type EntitySearchKind, entityLabel, LOOKALIKE_THRESHOLD } from "@/lib/entities/schema";

/**
 * A type-to-search picker of people, organisations and outlets (the WAI-ARIA combobox pattern,
 * through Downshift's useCombobox), fed by GET /api/desk/entities. It submits ordinary form
 * fields, so the server actions parse what a `<select>` once sent:
 * - each chosen entity as `name` (repeated when `multiple`), with its label as `${name}Label`;
 * - each entity created here as `${create.prefix}Name`, `…Kind`, `…Description`,
 *   `…AffiliationId` (and `…AffiliationLabel`, `…Domain` for outlets).
 * The labels travel with the ids only so that a rejected form can show the chosen items again
 * (`chosenFromValues`); the server never reads them. What is chosen lives in this component's
 * state and in hidden inputs, which React 19's form reset after an action leaves alone.
 */

export type NewEntityDraft = {
  name: string;
  kind: "person" | "organisation";
  description: string;
  affiliationId: string;
  affiliationLabel: string;
  domain: string;
  /** The existing entity the name looked like when it was added ("Did you mean …?"). */
  lookalike?: string;
};

export type Chosen = { type: "existing"; id: string; label: string } | ({ type: "new" } & NewEntityDraft);

type CreateOptions = {
  /** Prefix of the fields a new entity is sent in: "newSpeaker" → newSpeakerName, newSpeakerKind… */
  prefix: string;
  /** The kinds a new entity may have here; the first is the default. */
  kinds: readonly ("person" | "organisation")[];
  /** Outlets: ask for the web domain. */
  domain?: boolean;
  /** The checkbox the server asks for when a new name looks like an existing entity. */
  confirmName: string;
  /** The server asked for that confirmation (the form's `confirm`), or it was ticked before. */
  confirmAsked?: boolean;
  confirmChecked?: boolean;
};

type Item = { type: "option"; option: EntityOption } | { type: "create"; name: string };

const KIND_LABEL = { person: "Person", organisation: "Organisation" } as const;

const CONTROL =
  "block w-full rounded-md border border-rule bg-white px-3 py-2 text-base text-ink shadow-sm placeholder:text-muted/70 focus:border-ink focus:outline-none focus:ring-2 focus:ring-ink/20 aria-[invalid=true]:border-status-negative";

function asList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * What a picker showed when its form was submitted, read back from the submitted values (a
 * rejected form's `state.values`); `fallback` when the form was not submitted.
 */
export function chosenFromValues(
  values: Record<string, string | string[]> | undefined,
  name: string,
  prefix: string | undefined,
  fallback: Chosen[],
): Chosen[] {
  if (!values) return fallback;
  const labels = asList(values[`${name}Label`]);
  const existing: Chosen[] = asList(values[name])
    .filter(Boolean)
    .map((id, index) => ({ type: "existing", id, label: labels[index] ?? "" }));
  if (!prefix) return existing;
  const field = (suffix: string) => asList(values[`${prefix}${suffix}`]);
  const [kinds, descriptions, affiliations, affiliationLabels, domains] = ["Kind", "Description", "AffiliationId", "AffiliationLabel", "Domain"].map(field);
  const created: Chosen[] = field("Name")
    .map((newName, index) => ({
      type: "new" as const,
      name: newName,
      kind: kinds?.[index] === "organisation" ? ("organisation" as const) : ("person" as const),
      description: descriptions?.[index] ?? "",
      affiliationId: affiliations?.[index] ?? "",
      affiliationLabel: affiliationLabels?.[index] ?? "",
      domain: domains?.[index] ?? "",
    }))
    .filter((entity) => entity.name.trim() !== "");
  return [...existing, ...created];
}

/** Entities matching `query`, fetched after a short pause in typing. */
function useEntitySearch(query: string, kind: EntitySearchKind): { results: EntityOption[]; searched: string } {
  const [found, setFound] = useState<{ results: EntityOption[]; searched: string }>({ results: [], searched: "" });
  useEffect(() => {
    const text = query.trim();
    if (!text) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/desk/entities?${new URLSearchParams({ q: text, kind })}`, { signal: controller.signal });
        if (response.ok) setFound({ results: ((await response.json()) as { entities: EntityOption[] }).entities, searched: text });
      } catch {
        // Typing on, or offline: the next keystroke searches again.
      }
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, kind]);
  return query.trim() ? found : { results: [], searched: "" };
}

export function EntityCombobox({
  id,
  label,
  hint,
  name,
  kind,
  multiple = false,
  initial,
  errors,
  create,
  exclude = [],
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  /** The field chosen entities are submitted as; none for a picker inside another (see onChange). */
  name?: string;
  kind: EntitySearchKind;
  multiple?: boolean;
  initial: Chosen[];
  errors?: string[];
  /** Offer "Create “…”" when nothing matches. */
  create?: CreateOptions;
  /** Entities never to offer (the entity being edited). */
  exclude?: readonly string[];
  onChange?: (chosen: Chosen[]) => void;
}) {
  const [chosen, setChosenState] = useState<Chosen[]>(initial);
  // What is typed, mirrored from Downshift's own state (which drives the input: a controlled
  // input lost keystrokes under load), for the search.
  const [inputValue, setInputValue] = useState("");
  const [draft, setDraft] = useState<NewEntityDraft | null>(null);
  const [confirmed, setConfirmed] = useState(Boolean(create?.confirmChecked));
  const { results, searched } = useEntitySearch(inputValue, kind);
  const uid = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const statusId = `${uid}-status`;

  function setChosen(next: Chosen[]) {
    setChosenState(next);
    onChange?.(next);
  }

  const chosenIds = new Set(chosen.flatMap((item) => (item.type === "existing" ? [item.id] : [])));
  const options = results.filter((option) => !chosenIds.has(option.id) && !exclude.includes(option.id));
  const typed = inputValue.trim();
  const exact = results.some((option) => option.name.toLowerCase() === typed.toLowerCase());
  const items: Item[] = [
    ...options.map((option) => ({ type: "option" as const, option })),
    ...(create && typed && searched === typed && !exact ? [{ type: "create" as const, name: typed }] : []),
  ];
  const lookalikes = (draftKind?: string) =>
    results.filter((option) => (option.similarity ?? 0) >= LOOKALIKE_THRESHOLD && (!draftKind || option.kind === draftKind));
  const didYouMean = create && typed && searched === typed && !exact ? lookalikes()[0] : undefined;

  function choose(item: Item) {
    if (item.type === "create" && create) {
      const kindOfNew = kind === "person" ? "person" : kind === "organisation" || kind === "outlet" ? "organisation" : create.kinds[0]!;
      setDraft({ name: item.name, kind: kindOfNew, description: "", affiliationId: "", affiliationLabel: "", domain: "" });
      return;
    }
    if (item.type !== "option") return;
    const picked: Chosen = { type: "existing", id: item.option.id, label: entityLabel(item.option) };
    setChosen(multiple ? [...chosen, picked] : [picked]);
  }

  const combobox = useCombobox<Item>({
    items,
    inputId: id,
    selectedItem: null,
    itemToString: (item) => (item ? (item.type === "option" ? item.option.name : item.name) : ""),
    stateReducer: (state, { type, changes }) => {
      const types = useCombobox.stateChangeTypes;
      // Choosing would write the chosen name into the input: it is for searching only, so it
      // empties. Leaving the field keeps what was typed and chooses nothing.
      if (type === types.InputKeyDownEnter && state.highlightedIndex < 0) return { ...changes, inputValue: state.inputValue, isOpen: state.isOpen };
      if (type === types.InputKeyDownEnter || type === types.ItemClick) return { ...changes, inputValue: "" };
      if (type === types.InputBlur) return { ...changes, selectedItem: state.selectedItem, inputValue: state.inputValue };
      return changes;
    },
    onInputValueChange: ({ inputValue: next }) => setInputValue(next ?? ""),
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) choose(selectedItem);
    },
  });

  function remove(index: number) {
    setChosen(chosen.filter((_, position) => position !== index));
    document.getElementById(id)?.focus();
  }

  function addDraft() {
    if (!draft || !draft.name.trim()) return;
    const like = lookalikes(draft.kind)[0];
    const entry: Chosen = { type: "new", ...draft, name: draft.name.trim(), lookalike: like ? entityLabel(like) : undefined };
    setChosen(multiple ? [...chosen, entry] : [entry]);
    setDraft(null);
    document.getElementById(id)?.focus();
  }

  function onInputKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Backspace in an empty input takes back the last choice, as in most tag inputs.
    if (event.key === "Backspace" && !inputValue && chosen.length > 0 && !combobox.isOpen) remove(chosen.length - 1);
    // Enter on a half-typed search (suggestions not there yet, or none highlighted) must not
    // submit the whole form; with the input empty, Enter submits as in any other field.
    if (event.key === "Enter" && inputValue.trim() && (!combobox.isOpen || combobox.highlightedIndex < 0)) event.preventDefault();
  }

  const askConfirm = create && (create.confirmAsked || chosen.some((item) => item.type === "new" && item.lookalike));
  const describedBy = [hintId, errorId, didYouMean ? statusId : undefined].filter(Boolean).join(" ") || undefined;

  return (
    <div data-entity-combobox={name ?? id}>
      <label {...combobox.getLabelProps({ htmlFor: id })} className="block text-sm font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mt-0.5 text-sm text-muted">
          {hint}
        </p>
      ) : null}

      {chosen.length > 0 ? (
        <ul aria-label={`Chosen: ${label}`} className="mt-1 flex flex-wrap gap-2">
          {chosen.map((item, index) => {
            const text = item.type === "existing" ? item.label : `${entityLabel({ name: item.name, description: item.description, domain: item.domain || null })} (new${item.affiliationLabel ? `, of ${item.affiliationLabel}` : ""})`;
            return (
              <li
                key={item.type === "existing" ? item.id : `new-${index}`}
                id={item.type === "new" && create && chosen.findIndex((other) => other.type === "new") === index ? `${create.prefix}Name` : undefined}
                tabIndex={item.type === "new" ? -1 : undefined}
                data-chosen
                className="inline-flex items-center gap-1 rounded-full border border-ink/30 bg-paper px-3 py-1 text-sm"
              >
                <span>{text}</span>
                <button type="button" onClick={() => remove(index)} aria-label={`Remove ${text}`} className="-mr-1 ml-1 rounded-full px-1.5 font-bold text-muted hover:text-ink focus:outline-none focus:ring-2 focus:ring-ink/40">
                  ×
                </button>
                {name && item.type === "existing" ? (
                  <>
                    <input type="hidden" name={name} value={item.id} />
                    <input type="hidden" name={`${name}Label`} value={item.label} />
                  </>
                ) : null}
                {create && name && item.type === "new" ? (
                  <>
                    <input type="hidden" name={`${create.prefix}Name`} value={item.name} />
                    <input type="hidden" name={`${create.prefix}Kind`} value={item.kind} />
                    <input type="hidden" name={`${create.prefix}Description`} value={item.description} />
                    <input type="hidden" name={`${create.prefix}AffiliationId`} value={item.affiliationId} />
                    <input type="hidden" name={`${create.prefix}AffiliationLabel`} value={item.affiliationLabel} />
                    {create.domain ? <input type="hidden" name={`${create.prefix}Domain`} value={item.domain} /> : null}
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}

      <div className="relative mt-1">
        <input
          {...combobox.getInputProps({
            onKeyDown: onInputKeyDown,
            "aria-invalid": Boolean(errorId),
            "aria-describedby": describedBy,
          })}
          className={CONTROL}
          placeholder={multiple ? "Type a name to add…" : chosen.length ? "Type to choose another…" : "Type a name…"}
          autoComplete="off"
        />
        <ul
          {...combobox.getMenuProps({ "aria-label": `${label}: suggestions` })}
          className={`absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded-md border border-rule bg-white py-1 shadow-lg ${combobox.isOpen && items.length > 0 ? "" : "hidden"}`}
        >
          {combobox.isOpen
            ? items.map((item, index) => (
                <li
                  key={item.type === "option" ? item.option.id : "create"}
                  {...combobox.getItemProps({ item, index })}
                  className={`cursor-pointer px-3 py-2 text-sm ${combobox.highlightedIndex === index ? "bg-ink text-white" : ""}`}
                >
                  {item.type === "option" ? (
                    <>
                      <span className="font-semibold">{item.option.name}</span>
                      {item.option.description ? <span> — {item.option.description}</span> : null}
                      {item.option.domain ? <span> ({item.option.domain})</span> : null}
                      {kind === "any" ? <span className="sr-only">, {KIND_LABEL[item.option.kind].toLowerCase()}</span> : null}
                    </>
                  ) : (
                    <span>Create “{item.name}”…</span>
                  )}
                </li>
              ))
            : null}
        </ul>
      </div>
      <p id={statusId} role="status" className="mt-1 text-sm text-status-warning">
        {didYouMean ? `Did you mean ${entityLabel(didYouMean)}?` : ""}
      </p>

      {draft && create ? (
        <fieldset className="mt-2 space-y-3 rounded-md border border-rule bg-paper p-3">
          <legend className="px-1 text-sm font-semibold">New: {draft.name}</legend>
          <div>
            <label htmlFor={`${id}-new-name`} className="block text-sm font-semibold">
              Name
            </label>
            <input id={`${id}-new-name`} className={CONTROL} value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} onKeyDown={(event) => event.key === "Enter" && (event.preventDefault(), addDraft())} autoComplete="off" maxLength={200} />
          </div>
          {create.kinds.length > 1 ? (
            <fieldset>
              <legend className="text-sm font-semibold">Kind</legend>
              <div className="mt-1 flex gap-4">
                {create.kinds.map((option) => (
                  <label key={option} className="flex items-center gap-2 text-sm">
                    <input type="radio" name={`${uid}-kind`} value={option} checked={draft.kind === option} onChange={() => setDraft({ ...draft, kind: option })} className="h-4 w-4" />
                    {KIND_LABEL[option]}
                  </label>
                ))}
              </div>
            </fieldset>
          ) : null}
          <div>
            <label htmlFor={`${id}-new-description`} className="block text-sm font-semibold">
              Description
            </label>
            <input id={`${id}-new-description`} className={CONTROL} value={draft.description} placeholder="Such as: Kremlin spokesman" onChange={(event) => setDraft({ ...draft, description: event.target.value })} onKeyDown={(event) => event.key === "Enter" && (event.preventDefault(), addDraft())} autoComplete="off" maxLength={300} />
          </div>
          {create.domain ? (
            <div>
              <label htmlFor={`${id}-new-domain`} className="block text-sm font-semibold">
                Web domain
              </label>
              <input id={`${id}-new-domain`} className={CONTROL} value={draft.domain} placeholder="cbc.ca" onChange={(event) => setDraft({ ...draft, domain: event.target.value })} onKeyDown={(event) => event.key === "Enter" && (event.preventDefault(), addDraft())} autoComplete="off" maxLength={200} />
            </div>
          ) : null}
          <EntityCombobox
            id={`${id}-new-affiliation`}
            label="Affiliation"
            hint="The organisation they speak for or belong to, if any."
            kind="organisation"
            initial={draft.affiliationId ? [{ type: "existing", id: draft.affiliationId, label: draft.affiliationLabel }] : []}
            onChange={(next) => {
              const first = next[0];
              setDraft({ ...draft, affiliationId: first?.type === "existing" ? first.id : "", affiliationLabel: first?.type === "existing" ? first.label : "" });
            }}
          />
          {lookalikes(draft.kind)[0] ? (
            <p className="text-sm font-semibold text-status-warning">Did you mean {entityLabel(lookalikes(draft.kind)[0]!)}? Choose it from the list instead, unless this is someone else.</p>
          ) : null}
          <div className="flex gap-3">
            <button type="button" onClick={addDraft} className="rounded-md bg-ink px-3 py-1.5 text-sm font-semibold text-white">
              Add {draft.name.trim() || "it"}
            </button>
            <button type="button" onClick={() => setDraft(null)} className="rounded-md px-3 py-1.5 text-sm font-semibold text-muted hover:text-ink">
              Cancel
            </button>
          </div>
        </fieldset>
      ) : null}

      {askConfirm && create ? (
        <label className="mt-2 flex items-center gap-2 text-sm font-semibold">
          <input type="checkbox" name={create.confirmName} checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} className="h-4 w-4" />
          {chosen.filter((item) => item.type === "new").length > 1 ? "These are new: add them even though the names look like existing ones" : "This is someone else: add it as new"}
        </label>
      ) : null}

      {errorId ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-status-negative">
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
