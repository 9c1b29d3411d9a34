// Reading URL search parameters for list pages (isomorphic). Bad values are ignored, never fatal.
import { z } from "zod";
import { storableText } from "@/lib/text";

export type RawSearchParams = Record<string, string | string[] | undefined>;

export const optionalParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional()).catch(undefined);

/** A free-text filter: text the database can store (lib/text.ts), at most `max` characters. */
export const textParam = (max: number) => optionalParam(storableText().max(max));

export const pageParam = z.coerce.number().int().min(1).max(10_000).catch(1);

/** The first value of each parameter, parsed by `schema`. */
export function parseSearchParams<S extends z.ZodType>(schema: S, raw: RawSearchParams): z.output<S> {
  return schema.parse(Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])));
}

/** A URL for `path` with the given parameters, leaving out empty ones. */
export function withParams(path: string, params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== "") search.set(key, String(value));
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
