// Zod schemas for evidence, shared by the desk's forms and the server (isomorphic).
import { z } from "zod";
import { checkbox, fromYearOne, optionalText, text, uuid, versionField } from "@/lib/forms";
import { storableText } from "@/lib/text";
import { TimeZoneSchema, UTC } from "@/lib/time/zones";

export const STANCES = ["reports", "confirms", "denies", "disputes", "declines_to_comment", "context", "retracts"] as const;
export const SOURCINGS = ["on_record", "anonymous", "document"] as const;
export const DERIVATIONS = ["republishes", "cites"] as const;

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalUuid = (label: string) => z.preprocess(blankToUndefined, uuid(label).optional());

export const EvidenceUrlSchema = storableText("The web address")
  .trim()
  .min(1, { error: "Enter the web address of the source" })
  .max(2_048, { error: "That web address is too long (2,048 characters at most)" })
  .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "Enter a web address that starts with http:// or https://" }));

const EvidenceFieldsSchema = z
  .object({
    url: EvidenceUrlSchema,
    headline: text("The headline", { min: 1, max: 300 }),
    /**
     * A wall-clock time, "YYYY-MM-DDTHH:MM" (a datetime-local input), in `publishedAtZone`. The
     * mutation turns the two into the UTC instant it stores (lib/time/wall-clock.ts), and refuses
     * a time the zone skips.
     */
    publishedAt: z.preprocess(
      blankToUndefined,
      z.iso
        .datetime({ local: true, error: "Enter the date and time as shown" })
        .refine(fromYearOne, { error: "Enter a year from 1 onwards" })
        .optional(),
    ),
    /** The zone the form showed the time in: the editor's. Without one (a script), UTC. */
    publishedAtZone: z.preprocess(blankToUndefined, TimeZoneSchema.default(UTC)),
    stance: z.enum(STANCES, { error: "Choose which way this evidence points" }),
    sourcing: z.enum(SOURCINGS, { error: "Choose how it is sourced" }),
    outletId: optionalUuid("outlet"),
    newOutletName: optionalText("The outlet's name", 200),
    newOutletDomain: z.preprocess(
      blankToUndefined,
      storableText("The outlet's domain")
        .trim()
        .toLowerCase()
        .regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/, { error: "Enter a domain such as reuters.com" })
        .optional(),
    ),
    newOutletDescription: optionalText("The outlet's description", 300),
    newOutletAffiliationId: optionalUuid("affiliation of the new outlet"),
    /** Set once the editor has seen the outlet the new name looks like and still wants a new one. */
    confirmNewOutlet: checkbox.default(false),
    speakerId: optionalUuid("speaker"),
    newSpeakerName: optionalText("The speaker's name", 200),
    newSpeakerKind: z.preprocess(blankToUndefined, z.enum(["person", "organisation"], { error: "Choose person or organisation" }).default("person")),
    newSpeakerDescription: optionalText("The new speaker's description", 300),
    newSpeakerAffiliationId: optionalUuid("affiliation of the new speaker"),
    confirmNewSpeaker: checkbox.default(false),
    speakerDescription: optionalText("The description of the source", 200),
    quote: storableText("The quote").trim().max(2_000, { error: "Keep the quote under 2,000 characters" }).default(""),
    derivedFromId: optionalUuid("source it copies or cites"),
    derivation: z.preprocess(blankToUndefined, z.enum(DERIVATIONS).optional()),
  })
  .superRefine((value, context) => {
    if (value.outletId && value.newOutletName) {
      context.addIssue({ code: "custom", path: ["newOutletName"], message: "Choose an outlet or type a new one, not both" });
    }
    if ((value.speakerId || value.newSpeakerName) && value.speakerDescription) {
      context.addIssue({
        code: "custom",
        path: ["speakerDescription"],
        message: "Name the speaker or describe an anonymous source, not both",
      });
    }
    if (value.speakerId && value.newSpeakerName) {
      context.addIssue({ code: "custom", path: ["newSpeakerName"], message: "Choose a speaker or type a new one, not both" });
    }
    if (Boolean(value.derivedFromId) !== Boolean(value.derivation)) {
      context.addIssue({
        code: "custom",
        path: [value.derivedFromId ? "derivation" : "derivedFromId"],
        message: "Choose both the source and whether this republishes or cites it",
      });
    }
  });

export const EvidenceCreateSchema = EvidenceFieldsSchema.and(z.object({ claimId: uuid("claim") }));
export const EvidenceUpdateSchema = EvidenceFieldsSchema.and(
  z.object({ claimId: uuid("claim"), id: uuid("evidence"), version: versionField }),
);
export const EvidenceRemoveSchema = z.object({ claimId: uuid("claim"), id: uuid("evidence"), version: versionField });

export type EvidenceCreateInput = z.infer<typeof EvidenceCreateSchema>;
export type EvidenceUpdateInput = z.infer<typeof EvidenceUpdateSchema>;
export type EvidenceRemoveInput = z.infer<typeof EvidenceRemoveSchema>;
