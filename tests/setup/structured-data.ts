// Validates JSON-LD as search engines read it: @adobe/structured-data-validator checks every type
// and property against schema.org's vocabulary (release 30.0, kept in tests/fixtures so that no test
// needs the network; schema.org's data/releases/30.0/schemaorg-all-https.jsonld, gzipped, published
// by schema.org under CC BY-SA 3.0), plus its own rules for the types it knows (Rating, Organization, Person).
// It has no rules for ClaimReview, so Google's required and recommended ClaimReview properties
// (developers.google.com/search/docs/appearance/structured-data/factcheck) are added here as a
// handler of its own kind: "required" ones are errors, "recommended" ones warnings.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import Validator from "@adobe/structured-data-validator";
import BaseValidator from "@adobe/structured-data-validator/src/types/base.js";

export type ValidationIssue = { issueMessage: string; severity: "ERROR" | "WARNING"; fieldNames?: string[]; path?: unknown; rootType?: string };

let vocabulary: unknown;

/** schema.org's whole vocabulary (types and properties), as schema.org publishes it. */
export function schemaOrgVocabulary(): unknown {
  vocabulary ??= JSON.parse(gunzipSync(readFileSync(path.join(import.meta.dirname, "../fixtures/schemaorg-all-https-30.0.jsonld.gz"))).toString("utf8"));
  return vocabulary;
}

class ClaimReviewRules extends BaseValidator {
  override getConditions() {
    return [
      this.required("claimReviewed", "string"),
      this.required("reviewRating", "object"),
      this.required("reviewRating.alternateName", "string"),
      this.required("url", "url"),
      this.recommended("author", "object"),
      this.recommended("author.name", "string"),
      this.recommended("author.url", "url"),
      this.recommended("datePublished", "date"),
      this.recommended("itemReviewed", "object"),
      this.recommended("reviewRating.name", "string"),
      this.recommended("reviewRating.ratingValue", "number"),
      this.recommended("reviewRating.bestRating", "number"),
      this.recommended("reviewRating.worstRating", "number"),
    ].map((condition) => condition.bind(this));
  }
}

class ClaimRules extends BaseValidator {
  override getConditions() {
    return [
      this.recommended("appearance", "arrayOrObject"),
      this.recommended("author", "object"),
      this.recommended("author.name", "string"),
      this.recommended("datePublished", "date"),
      this.recommended("firstAppearance", "object"),
      this.recommended("firstAppearance.url", "url"),
    ].map((condition) => condition.bind(this));
  }
}

/** Every issue the validator finds in `items` (JSON-LD objects, each with its @type). */
export async function validateJsonLd(items: readonly Record<string, unknown>[]): Promise<ValidationIssue[]> {
  const validator = new Validator(schemaOrgVocabulary());
  validator.registeredHandlers.ClaimReview = [async () => ({ default: ClaimReviewRules })];
  validator.registeredHandlers.Claim = [async () => ({ default: ClaimRules })];
  const jsonld: Record<string, Record<string, unknown>[]> = {};
  for (const item of items) {
    const type = String(item["@type"]);
    // The validator deletes keys it reads (@location) from what it is given: give it a copy.
    (jsonld[type] ??= []).push(structuredClone(item));
  }
  return (await validator.validate({ jsonld, microdata: {}, rdfa: {} })) as ValidationIssue[];
}

/** The validator's verdict in a few lines, for a test's output. */
export function describeIssues(label: string, issues: readonly ValidationIssue[]): string {
  const errors = issues.filter((issue) => issue.severity === "ERROR").length;
  const warnings = issues.length - errors;
  const lines = issues.map((issue) => `  ${issue.severity} ${issue.issueMessage} at ${JSON.stringify(issue.path)}`);
  return [`@adobe/structured-data-validator on ${label}: ${errors} errors, ${warnings} warnings (schema.org 30.0 vocabulary + Google's ClaimReview properties)`, ...lines].join("\n");
}
