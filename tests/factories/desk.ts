// A small newsroom for tests that drive the desk's actions: one draft claim with two pieces of
// evidence, one published claim, people and organisations (one a duplicate), an account to manage
// and an open invitation. Ids are fresh each time; tests refer to them by these names.
import { createAccount } from "@/lib/accounts/mutations";
import { db } from "@/lib/db";
import { createClaim, createEvidence, createUser } from "@/tests/factories";
import type { PersonaPool } from "@/tests/factories/sessions";

export type DeskFixture = {
  /** The draft claim, with `evidenceId` (reports, from the outlet) and `otherEvidenceId` (confirms). */
  claimId: string;
  draftSlug: string;
  /** A published claim with one piece of evidence. */
  publishedSlug: string;
  evidenceId: string;
  otherEvidenceId: string;
  personId: string;
  /** A second person, "J. Mayor", to merge into `personId`. */
  duplicateId: string;
  /** The outlet "City Paper" (citypaper.example). */
  outletId: string;
  /** The outlet's updatedAt, as its edit form carries it. */
  outletLoadedAt: string;
  /** An organisation without a domain, "Town Council". */
  organisationId: string;
  /** An editor account for admins to change. */
  subjectUserId: string;
  /** The secret of an open invitation (/invite/<token>). */
  invitationToken: string;
  /** The editor persona's credentials, for signing in. */
  editorEmail: string;
  editorPassword: string;
};

/** The names the fixture gives its entities and accounts. */
export const DESK_FIXTURE_NAMES = ["Jane Mayor", "J. Mayor", "City Paper", "Town Council", "Test editor", "Invited"];

export async function createDeskFixture(personas: PersonaPool): Promise<DeskFixture> {
  const author = await createUser(db(), "editor");
  const claim = await createClaim(db(), { createdById: author.id, publication: "draft", statement: "The mayor resigned on Monday." });
  const published = await createClaim(db(), { createdById: author.id, publication: "published", statement: "The bridge closed for a month." });
  const outlet = await db().entity.create({
    data: { kind: "organisation", name: "City Paper", domain: "citypaper.example" },
    select: { id: true, updatedAt: true },
  });
  const evidence = await db().evidence.create({
    data: { claimId: claim.id, url: "https://citypaper.example/mayor", headline: "The mayor resigns", sourcing: "on_record", stance: "reports", outletId: outlet.id, createdById: author.id },
    select: { id: true },
  });
  const other = await createEvidence(db(), { claimId: claim.id, createdById: author.id, stance: "confirms" });
  await createEvidence(db(), { claimId: published.id, createdById: author.id });
  const person = await db().entity.create({ data: { kind: "person", name: "Jane Mayor" }, select: { id: true } });
  const duplicate = await db().entity.create({ data: { kind: "person", name: "J. Mayor" }, select: { id: true } });
  const organisation = await db().entity.create({ data: { kind: "organisation", name: "Town Council" }, select: { id: true } });
  const subject = await createUser(db(), "editor");
  const admin = personas.account("admin");
  const { invitationUrl } = await createAccount({ id: admin.id, role: "admin" }, { name: "Invited", email: "invited@test.example", role: "editor" });
  const editor = personas.account("editor");
  return {
    claimId: claim.id,
    draftSlug: claim.slug,
    publishedSlug: published.slug,
    evidenceId: evidence.id,
    otherEvidenceId: other.id,
    personId: person.id,
    duplicateId: duplicate.id,
    outletId: outlet.id,
    outletLoadedAt: outlet.updatedAt.toISOString(),
    organisationId: organisation.id,
    subjectUserId: subject.id,
    invitationToken: new URL(invitationUrl).pathname.split("/").at(-1) ?? "",
    editorEmail: editor.email,
    editorPassword: editor.password,
  };
}
