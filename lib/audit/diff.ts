// Field-level differences for the edit history. Pure.
export type FieldChange = { from: unknown; to: unknown };
export type Changes = Record<string, FieldChange>;

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return [...value].map(normalise).sort();
  return value ?? null;
}

/** The fields whose values differ between `before` and `after` (arrays compared as sets). */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): Changes {
  const changes: Changes = {};
  for (const key of Object.keys(after)) {
    const from = normalise(before[key]);
    const to = normalise(after[key]);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}

/** A newly created record's fields, as changes from nothing. */
export function createdFields(values: Record<string, unknown>): Changes {
  return Object.fromEntries(
    Object.entries(values)
      .map(([key, value]) => [key, { from: null, to: normalise(value) }] as const)
      .filter(([, change]) => change.to !== null && change.to !== "" && !(Array.isArray(change.to) && change.to.length === 0)),
  );
}
