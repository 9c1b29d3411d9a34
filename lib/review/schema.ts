// The review queue's filters, read from the URL (isomorphic). Bad values fall back to the default.
import { z } from "zod";
import { optionalParam, pageParam } from "@/lib/search-params";

export const REVIEW_VIEWS = [
  { value: "all", label: "Everything to review" },
  { value: "suggested", label: "Has a suggestion" },
  { value: "new", label: "New evidence" },
  { value: "waiting", label: "Waiting longest (unverified)" },
] as const;

export const ReviewFiltersSchema = z.object({
  show: z.enum(REVIEW_VIEWS.map((view) => view.value)).catch("all"),
  publication: optionalParam(z.enum(["draft", "published"])),
  page: pageParam,
});

export type ReviewFilters = z.infer<typeof ReviewFiltersSchema>;
