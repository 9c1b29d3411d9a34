// The "New from article" form (isomorphic): a web address to fetch, or the article pasted.
import { z } from "zod";
import { storableText } from "@/lib/text";

/** Pasted articles up to 200,000 characters (a long feature is about 60,000 in HTML). */
export const MAX_PASTED_CHARACTERS = 200_000;

/**
 * Any http(s) address: whether its host may be fetched (not a private or loopback address) is the
 * SSRF guard's decision, made on the address the name resolves to, not on how it is spelled.
 */
const ArticleUrlSchema = storableText("The web address")
  .trim()
  .max(2_048, { error: "That web address is too long (2,048 characters at most)" })
  .pipe(z.url({ protocol: /^https?$/, error: "Enter a web address that starts with http:// or https://" }));

export const IntakeAnalyseSchema = z
  .object({
    url: z.preprocess((value) => (value === "" ? undefined : value), ArticleUrlSchema.optional()),
    article: storableText("The article")
      .trim()
      .max(MAX_PASTED_CHARACTERS, { error: `Paste at most ${MAX_PASTED_CHARACTERS.toLocaleString("en-GB")} characters` })
      .default(""),
  })
  .superRefine((value, context) => {
    if (!value.url && !value.article) {
      context.addIssue({ code: "custom", path: ["article"], message: "Paste the article's text, or enter its web address" });
    }
  });

export type IntakeAnalyseInput = z.infer<typeof IntakeAnalyseSchema>;
