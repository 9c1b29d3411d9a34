"use client";

// "New from article": paste an article (or its web address), read the proposals beside the
// article with each one's sentence marked, and accept, edit or ignore them one by one. Accepting
// submits the desk's own claim and evidence fields to actions that call the desk's mutations.
import Link from "next/link";
import { Fragment, useActionState, useEffect, useState } from "react";
import { type Chosen, chosenFromValues, EntityCombobox } from "@/components/desk/entity-combobox";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldValue, type FormState, INITIAL_FORM_STATE } from "@/lib/actions/form-state";
import { DATE_PRECISIONS } from "@/lib/claims/schema";
import { SOURCINGS, STANCES } from "@/lib/evidence/schema";
import { SOURCING_LABEL, STANCE_LABEL } from "@/lib/evidence/stance";
import type { IntakeAnalysis } from "@/lib/intake/analyse";
import { acceptClaimAction, acceptEvidenceAction, analyseArticleAction, type IntakeState } from "@/lib/intake/actions";
import type { ClaimProposal, EvidenceProposal, Span } from "@/lib/intake/propose";
import type { EntityMatch } from "@/lib/intake/queries";

type TimeZone = { id: string; description: string };
type Decision = "open" | "ignored" | "accepted";

const PRECISION_LABEL = { day: "On that day", approximate: "About then (at the latest)", month: "That month", year: "That year" } as const;
const DERIVATION_TEXT = { cites: "cites", republishes: "republishes" } as const;

function sentenceId(span: Span): string {
  return `sentence-${span.start}`;
}

function hostOf(url: string | null): string {
  if (!url) return "";
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return "";
  }
}

function entityKey(kind: "person" | "organisation", name: string): string {
  return `${kind}:${name}`;
}

// --- The article, with the proposals' sentences marked ---------------------------------------

function ArticleText({ text, marked }: { text: string; marked: Span[] }) {
  const starts = new Map(marked.map((span) => [span.start, span]));
  const spans = [...starts.values()].sort((a, b) => a.start - b.start);
  const paragraphs: { start: number; end: number }[] = [];
  const paragraph = /[^\n]+/g;
  for (let match = paragraph.exec(text); match; match = paragraph.exec(text)) paragraphs.push({ start: match.index, end: match.index + match[0].length });
  return (
    <div className="space-y-3 font-serif text-base leading-relaxed">
      {paragraphs.map((block) => {
        const parts: React.ReactNode[] = [];
        let cursor = block.start;
        for (const span of spans.filter((candidate) => candidate.start >= block.start && candidate.end <= block.end)) {
          if (span.start < cursor) continue;
          if (span.start > cursor) parts.push(text.slice(cursor, span.start));
          parts.push(
            <mark key={span.start} id={sentenceId(span)} tabIndex={-1} className="rounded-sm bg-status-warning-bg px-0.5 text-ink focus:outline-none focus:ring-2 focus:ring-ink">
              {text.slice(span.start, span.end)}
            </mark>,
          );
          cursor = span.end;
        }
        if (cursor < block.end) parts.push(text.slice(cursor, block.end));
        return <p key={block.start}>{parts}</p>;
      })}
    </div>
  );
}

function SourceLink({ span, text }: { span: Span; text: string }) {
  return (
    <p className="mt-1 text-sm text-muted">
      From:{" "}
      <a
        href={`#${sentenceId(span)}`}
        onClick={(event) => {
          const target = document.getElementById(sentenceId(span));
          if (!target) return;
          event.preventDefault();
          target.scrollIntoView({ block: "center" });
          target.focus({ preventScroll: true });
        }}
        className="underline underline-offset-2"
      >
        “{text.slice(span.start, span.end)}”
      </a>
    </p>
  );
}

// --- One claim -------------------------------------------------------------------------------

function ClaimCard({
  proposal,
  index,
  analysis,
  onAccepted,
}: {
  proposal: ClaimProposal;
  index: number;
  analysis: IntakeAnalysis;
  onAccepted: (claimId: string) => void;
}) {
  const [state, formAction] = useActionState(acceptClaimAction, INITIAL_FORM_STATE);
  const [editing, setEditing] = useState(false);
  const prefix = `${proposal.id}-`;
  const similar = analysis.matches.similarClaims[proposal.id] ?? [];
  const sentence = analysis.article.text.slice(proposal.sentence.start, proposal.sentence.end);
  const source = [analysis.article.outlet, analysis.article.headline ? `“${analysis.article.headline}”` : null].filter(Boolean).join(", ");
  const defaults: Record<string, string> = {
    statement: proposal.statement,
    context: source ? `${source}: ${sentence}` : sentence,
    eventDate: proposal.eventDate ?? "",
    eventDatePrecision: proposal.eventDatePrecision,
    tags: "",
  };
  const value = (name: string) => fieldValue(state, name, defaults[name] ?? "");
  const errors = state.fieldErrors ?? {};
  const created = state.status === "success" ? state.created?.id : undefined;

  useEffect(() => {
    if (created) onAccepted(created);
  }, [created, onAccepted]);

  if (created) {
    return (
      <div role="status" className="rounded-md bg-status-positive-bg px-3 py-2 text-sm text-status-positive">
        Claim {index + 1} logged as a draft:{" "}
        {/* In a new tab: the other proposals stay here. */}
        <Link href={`/desk/claims/${created}`} target="_blank" className="font-semibold underline underline-offset-2">
          {value("statement")}
        </Link>
      </div>
    );
  }

  const open = editing || state.status === "error";
  const askConfirm = similar.length > 0 || Boolean(state.confirm?.includes("confirmNotDuplicate"));
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label={`Claim ${index + 1}`}>
      <FormMessage state={state} idPrefix={prefix} />
      {open ? (
        <>
          <Field id={`${prefix}statement`} label="Statement" errors={errors.statement} value={value("statement")}>
            {(props) => <textarea {...props} name="statement" rows={2} maxLength={500} />}
          </Field>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id={`${prefix}eventDate`} label="Event date" hint="When it happened, if the article says." errors={errors.eventDate} value={value("eventDate")}>
              {(props) => <input {...props} name="eventDate" type="date" />}
            </Field>
            <Field id={`${prefix}eventDatePrecision`} label="How precise" errors={errors.eventDatePrecision} value={value("eventDatePrecision")}>
              {(props) => (
                <select {...props} name="eventDatePrecision">
                  {DATE_PRECISIONS.map((precision) => (
                    <option key={precision} value={precision}>
                      {PRECISION_LABEL[precision]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <Field id={`${prefix}context`} label="Context" errors={errors.context} value={value("context")}>
            {(props) => <textarea {...props} name="context" rows={3} maxLength={4000} />}
          </Field>
          <Field id={`${prefix}tags`} label="Tags" hint="Comma-separated, such as ukraine-war." errors={errors.tags} value={value("tags")}>
            {(props) => <input {...props} name="tags" />}
          </Field>
        </>
      ) : (
        <>
          <p className="font-semibold">{proposal.statement}</p>
          {proposal.eventDate ? (
            <p className="text-sm">
              Event date: {proposal.eventDate}
              {proposal.eventDatePrecision !== "day" ? ` (${PRECISION_LABEL[proposal.eventDatePrecision].toLowerCase()})` : ""}
            </p>
          ) : null}
          {Object.keys(defaults).map((name) => (
            <input key={name} type="hidden" name={name} value={value(name)} />
          ))}
        </>
      )}
      <SourceLink span={proposal.sentence} text={analysis.article.text} />
      {askConfirm ? (
        <div className="rounded-md border border-status-warning/40 bg-status-warning-bg p-3 text-sm">
          <p className="font-semibold text-status-warning">Already on the desk?</p>
          <ul className="mt-1 list-disc pl-5">
            {(state.similar ?? similar).map((claim) => (
              <li key={claim.id}>
                <Link href={`/desk/claims/${claim.id}`} target="_blank" className="underline underline-offset-2">
                  {claim.statement}
                </Link>
              </li>
            ))}
          </ul>
          <label className="mt-2 flex items-center gap-2">
            <input type="checkbox" name="confirmNotDuplicate" defaultChecked={fieldValue(state, "confirmNotDuplicate") === "on"} className="h-4 w-4" />
            This is a different claim: log it anyway
          </label>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <SubmitButton pendingLabel="Logging…">{open ? "Accept as edited" : "Accept claim"}</SubmitButton>
        {open ? null : (
          <button type="button" onClick={() => setEditing(true)} className="min-h-11 rounded-md px-4 py-2 font-semibold ring-1 ring-inset ring-rule hover:bg-paper">
            Edit
          </button>
        )}
      </div>
    </form>
  );
}

// --- One piece of evidence -------------------------------------------------------------------

type EvidenceDraft = {
  id: string;
  proposal: Pick<EvidenceProposal, "stance" | "sourcing" | "speaker" | "speakerDescription" | "outlet" | "quote" | "sentence">;
  /** Set on the follow-up that links the article itself as citing or republishing another report. */
  derivedFrom?: { id: string; derivation: "cites" | "republishes" };
};

function chosenEntity(match: EntityMatch | null | undefined, draft: { name: string; kind: "person" | "organisation"; description?: string | null; domain?: string }): Chosen[] {
  if (match) return [{ type: "existing", id: match.id, label: match.label }];
  return [{ type: "new", name: draft.name, kind: draft.kind, description: draft.description ?? "", affiliationId: "", affiliationLabel: "", domain: draft.domain ?? "" }];
}

function EvidenceCard({
  draft,
  analysis,
  claimId,
  timeZone,
  onAccepted,
}: {
  draft: EvidenceDraft;
  analysis: IntakeAnalysis;
  claimId: string | null;
  timeZone: TimeZone;
  onAccepted: (evidenceId: string) => void;
}) {
  const [state, formAction] = useActionState(acceptEvidenceAction, INITIAL_FORM_STATE);
  const [editing, setEditing] = useState(false);
  const { proposal } = draft;
  const prefix = `${draft.id}-`;
  const article = analysis.article;
  const own = proposal.outlet === null;
  const outletName = own ? article.outlet : proposal.outlet;
  const outletMatch = outletName ? analysis.matches.entities[entityKey("organisation", outletName)] : null;
  const outletInitial: Chosen[] = outletName ? chosenEntity(outletMatch, { name: outletName, kind: "organisation", description: "News outlet", domain: own ? hostOf(article.canonicalUrl) : "" }) : [];
  const speakerMatch = proposal.speaker ? analysis.matches.entities[entityKey(proposal.speaker.kind, proposal.speaker.name)] : null;
  const speakerInitial: Chosen[] = proposal.speaker ? chosenEntity(speakerMatch, proposal.speaker) : [];
  const defaults: Record<string, string> = {
    url: own ? (article.canonicalUrl ?? "") : "",
    headline: own ? (article.headline ?? "") : "",
    publishedAt: own ? article.publishedAtLocal : "",
    stance: proposal.stance,
    sourcing: proposal.sourcing,
    speakerDescription: proposal.speaker ? "" : (proposal.speakerDescription ?? ""),
    quote: proposal.quote,
  };
  const value = (name: string) => fieldValue(state, name, defaults[name] ?? "");
  const errors = state.fieldErrors ?? {};
  const errorsOf = (...names: string[]) => names.flatMap((name) => errors[name] ?? []);
  const created = state.status === "success" ? state.created?.id : undefined;
  const outletChosen = chosenFromValues(state.values, "outletId", "newOutlet", outletInitial);
  const speakerChosen = chosenFromValues(state.values, "speakerId", "newSpeaker", speakerInitial);

  useEffect(() => {
    if (created) onAccepted(created);
  }, [created, onAccepted]);

  const who = proposal.speaker
    ? `${proposal.speaker.name}${proposal.speaker.description ? `, ${proposal.speaker.description}` : ""}`
    : proposal.speakerDescription;
  const summary = (
    <>
      <p>
        <span className="font-semibold">{STANCE_LABEL[proposal.stance]}</span> · {SOURCING_LABEL[proposal.sourcing]}
        {who ? ` · ${who}` : ""}
      </p>
      <p className="text-sm text-muted">
        {draft.derivedFrom
          ? `This article (${article.outlet ?? "its outlet"}) ${DERIVATION_TEXT[draft.derivedFrom.derivation]} that report.`
          : own
            ? `In this article${article.outlet ? ` (${article.outlet})` : ""}.`
            : `A report by ${proposal.outlet}: add its web address.`}
        {speakerMatch && proposal.speaker ? ` “${proposal.speaker.name}” is ${speakerMatch.exact ? "" : "probably "}${speakerMatch.label} on the desk.` : ""}
      </p>
      {proposal.quote ? <blockquote className="mt-1 border-l-2 border-rule pl-3 text-sm">“{proposal.quote}”</blockquote> : null}
    </>
  );

  if (created) {
    return (
      <div role="status" className="rounded-md bg-status-positive-bg px-3 py-2 text-sm text-status-positive">
        Linked: {STANCE_LABEL[proposal.stance]}
        {who ? ` (${who})` : ""}.
      </div>
    );
  }
  if (!claimId) {
    return (
      <div className="text-sm">
        {summary}
        <p className="mt-1 text-muted">Accept the claim first, or add the evidence to a claim already on the desk.</p>
      </div>
    );
  }

  const open = editing || state.status === "error";
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label={`Evidence: ${STANCE_LABEL[proposal.stance]}${who ? `, ${who}` : ""}`}>
      <FormMessage state={state} idPrefix={prefix} />
      <input type="hidden" name="claimId" value={claimId} />
      <input type="hidden" name="publishedAtZone" value={timeZone.id} />
      {draft.derivedFrom ? (
        <>
          <input type="hidden" name="derivedFromId" value={draft.derivedFrom.id} />
          <input type="hidden" name="derivation" value={draft.derivedFrom.derivation} />
        </>
      ) : null}
      {summary}
      {/* The fields stay mounted while closed (hidden controls are still submitted), so that
          "Accept" sends the proposal as it stands and the pickers keep what they hold. */}
      <div className="space-y-3" hidden={!open}>
        <Field id={`${prefix}url`} label="Web address" errors={errors.url} value={value("url")}>
          {(props) => <input {...props} name="url" type="url" inputMode="url" maxLength={2048} autoComplete="off" />}
        </Field>
        <Field id={`${prefix}headline`} label="Headline" errors={errors.headline} value={value("headline")}>
          {(props) => <input {...props} name="headline" maxLength={300} />}
        </Field>
        <Field id={`${prefix}publishedAt`} label={`Published (${timeZone.description})`} errors={errors.publishedAt} value={value("publishedAt")}>
          {(props) => <input {...props} name="publishedAt" type="datetime-local" />}
        </Field>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id={`${prefix}stance`} label="Which way does it point?" errors={errors.stance} value={value("stance")}>
            {(props) => (
              <select {...props} name="stance">
                {STANCES.map((stance) => (
                  <option key={stance} value={stance}>
                    {STANCE_LABEL[stance]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${prefix}sourcing`} label="How is it sourced?" errors={errors.sourcing} value={value("sourcing")}>
            {(props) => (
              <select {...props} name="sourcing">
                {SOURCINGS.map((sourcing) => (
                  <option key={sourcing} value={sourcing}>
                    {SOURCING_LABEL[sourcing]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <EntityCombobox
          key={`outlet-${JSON.stringify(outletChosen)}`}
          id={`${prefix}outletId`}
          name="outletId"
          label="Outlet"
          kind="outlet"
          initial={outletChosen}
          errors={errorsOf("outletId", "newOutletName", "newOutletDomain", "newOutletDescription", "newOutletAffiliationId")}
          create={{ prefix: "newOutlet", kinds: ["organisation"], domain: true, confirmName: "confirmNewOutlet", confirmAsked: state.confirm?.includes("confirmNewOutlet"), confirmChecked: fieldValue(state, "confirmNewOutlet") === "on" }}
        />
        <EntityCombobox
          key={`speaker-${JSON.stringify(speakerChosen)}`}
          id={`${prefix}speakerId`}
          name="speakerId"
          label="A named speaker"
          kind="any"
          initial={speakerChosen}
          errors={errorsOf("speakerId", "newSpeakerName", "newSpeakerKind", "newSpeakerDescription", "newSpeakerAffiliationId")}
          create={{ prefix: "newSpeaker", kinds: ["person", "organisation"], confirmName: "confirmNewSpeaker", confirmAsked: state.confirm?.includes("confirmNewSpeaker"), confirmChecked: fieldValue(state, "confirmNewSpeaker") === "on" }}
        />
        <Field id={`${prefix}speakerDescription`} label="Or an anonymous source, described" errors={errors.speakerDescription} value={value("speakerDescription")}>
          {(props) => <input {...props} name="speakerDescription" maxLength={200} />}
        </Field>
        <Field id={`${prefix}quote`} label="Quote" errors={errors.quote} value={value("quote")}>
          {(props) => <textarea {...props} name="quote" rows={2} maxLength={2000} />}
        </Field>
      </div>
      <SourceLink span={proposal.sentence} text={article.text} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pendingLabel="Linking…">{open ? "Accept as edited" : "Accept evidence"}</SubmitButton>
        {open ? null : (
          <button type="button" onClick={() => setEditing(true)} className="min-h-11 rounded-md px-4 py-2 font-semibold ring-1 ring-inset ring-rule hover:bg-paper">
            Edit
          </button>
        )}
      </div>
    </form>
  );
}

// --- A claim with its evidence ---------------------------------------------------------------

function IgnoreButton({ decision, onChange, what }: { decision: Decision; onChange: (decision: Decision) => void; what: string }) {
  return (
    <button
      type="button"
      onClick={() => onChange(decision === "ignored" ? "open" : "ignored")}
      aria-pressed={decision === "ignored"}
      className="min-h-11 rounded-md px-3 py-2 text-sm font-semibold text-muted underline-offset-2 hover:underline"
    >
      {decision === "ignored" ? `Ignored: bring the ${what} back` : `Ignore this ${what}`}
    </button>
  );
}

function ClaimProposalSection({ proposal, index, analysis, timeZone }: { proposal: ClaimProposal; index: number; analysis: IntakeAnalysis; timeZone: TimeZone }) {
  const [claimDecision, setClaimDecision] = useState<Decision>("open");
  const [claimId, setClaimId] = useState<string | null>(null);
  const [evidenceDecisions, setEvidenceDecisions] = useState<Record<string, Decision>>({});
  const [followUps, setFollowUps] = useState<EvidenceDraft[]>([]);
  const similar = analysis.matches.similarClaims[proposal.id] ?? [];
  const drafts: EvidenceDraft[] = [...proposal.evidence.map((evidence) => ({ id: evidence.id, proposal: evidence })), ...followUps];
  const headingId = `${proposal.id}-heading`;

  function accepted(draft: EvidenceDraft, evidenceId: string) {
    setEvidenceDecisions((current) => ({ ...current, [draft.id]: "accepted" }));
    const original = proposal.evidence.find((evidence) => evidence.id === draft.id);
    if (original?.articleDerivation && !followUps.some((followUp) => followUp.derivedFrom?.id === evidenceId)) {
      setFollowUps((current) => [
        ...current,
        {
          id: `${draft.id}-article`,
          proposal: { ...original, outlet: null, speaker: null, speakerDescription: null, quote: "" },
          derivedFrom: { id: evidenceId, derivation: original.articleDerivation! },
        },
      ]);
    }
  }

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-rule bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="font-serif text-lg font-bold">
          Claim {index + 1}
        </h3>
        {claimId ? null : <IgnoreButton decision={claimDecision} onChange={setClaimDecision} what="claim" />}
      </div>
      {claimDecision === "ignored" ? (
        <p className="text-sm text-muted">{proposal.statement}</p>
      ) : (
        <>
          <ClaimCard proposal={proposal} index={index} analysis={analysis} onAccepted={setClaimId} />
          {!claimId && similar.length > 0 ? (
            <div className="mt-2 flex flex-wrap gap-2">
              {similar.map((claim) => (
                <button
                  key={claim.id}
                  type="button"
                  onClick={() => setClaimId(claim.id)}
                  className="min-h-11 rounded-md px-3 py-2 text-left text-sm font-semibold ring-1 ring-inset ring-rule hover:bg-paper"
                >
                  Add the evidence to “{claim.statement}” instead
                </button>
              ))}
            </div>
          ) : null}
          <h4 className="mt-4 text-sm font-semibold uppercase tracking-wide text-muted">Evidence ({drafts.length})</h4>
          <ul className="mt-2 space-y-3">
            {drafts.map((draft) => {
              const decision = evidenceDecisions[draft.id] ?? "open";
              return (
                <li key={draft.id} className="rounded-md border border-rule p-3">
                  {decision === "ignored" ? (
                    <p className="text-sm text-muted">{STANCE_LABEL[draft.proposal.stance]}: ignored.</p>
                  ) : (
                    <EvidenceCard draft={draft} analysis={analysis} claimId={claimId} timeZone={timeZone} onAccepted={(id) => accepted(draft, id)} />
                  )}
                  {decision === "accepted" ? null : (
                    <IgnoreButton decision={decision} onChange={(next) => setEvidenceDecisions((current) => ({ ...current, [draft.id]: next }))} what="evidence" />
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

// --- The page's body -------------------------------------------------------------------------

function Results({ analysis, timeZone }: { analysis: IntakeAnalysis; timeZone: TimeZone }) {
  const { article, proposals } = analysis;
  const marked = proposals.claims.flatMap((claim) => [claim.sentence, ...claim.evidence.map((evidence) => evidence.sentence)]);
  const published = article.publishedAtLocal ? article.publishedAtLocal.replace("T", " ") : null;
  return (
    <div className="mt-10 grid gap-8 lg:grid-cols-2">
      <section aria-labelledby="article-heading">
        <h2 id="article-heading" className="font-serif text-2xl font-bold">
          {article.headline ?? "The article"}
        </h2>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
          {(
            [
              ["Outlet", article.outlet],
              ["Author", article.author],
              ["Published", published ? `${published} (${timeZone.description})` : null],
              ["Address", article.canonicalUrl],
            ] as const
          ).map(([term, detail]) => (
            <Fragment key={term}>
              <dt className="font-semibold">{term}</dt>
              <dd className="break-all">{detail ?? <span className="text-muted">not stated</span>}</dd>
            </Fragment>
          ))}
        </dl>
        <div className="mt-4">
          <ArticleText text={article.text} marked={marked} />
        </div>
      </section>
      <section aria-labelledby="proposals-heading">
        <h2 id="proposals-heading" className="font-serif text-2xl font-bold">
          Proposals
        </h2>
        {proposals.claims.length === 0 ? (
          <p className="mt-2 text-muted">No claim found: nothing in this article is attributed or reported as a claim. Log one by hand if you see one.</p>
        ) : (
          <>
            <p className="mt-1 text-sm text-muted">Accept, edit or ignore each one. Accepted claims are drafts; their evidence is linked as on the claim page.</p>
            <div className="mt-4 space-y-4">
              {proposals.claims.map((claim, index) => (
                <ClaimProposalSection key={claim.id} proposal={claim} index={index} analysis={analysis} timeZone={timeZone} />
              ))}
            </div>
          </>
        )}
      </section>
    </div>
  );
}

export function ArticleIntake({ timeZone }: { timeZone: TimeZone }) {
  const [state, formAction, pending] = useActionState<IntakeState, FormData>(analyseArticleAction, INITIAL_FORM_STATE as IntakeState);
  const errors = state.fieldErrors ?? {};
  const analysis = state.analysis;
  // A new analysis starts its proposals afresh.
  const resultKey = analysis ? `${analysis.article.headline}|${analysis.article.text.length}|${analysis.proposals.claims.length}` : "";
  return (
    <>
      <form action={formAction} className="max-w-3xl space-y-4" noValidate aria-describedby="intake-status">
        <FormMessage state={state.status === "error" ? state : ({ status: "idle" } as FormState)} />
        <Field id="url" label="The article's web address" hint="We fetch the page and read it. Or leave this empty and paste the article below." errors={errors.url} value={fieldValue(state, "url")}>
          {(props) => <input {...props} name="url" type="url" inputMode="url" maxLength={2048} autoComplete="off" />}
        </Field>
        <Field id="article" label="Or paste the article" hint="Its text, or the page's HTML. Pasted text is used instead of the web address, which then only names the source." errors={errors.article} value={fieldValue(state, "article")}>
          {(props) => <textarea {...props} name="article" rows={10} />}
        </Field>
        <SubmitButton pendingLabel="Reading the article…">Read the article</SubmitButton>
        <p id="intake-status" role="status" aria-live="polite" className="text-sm text-muted">
          {pending ? "Reading the article and proposing claims. This can take a few seconds." : state.status === "success" ? state.message : ""}
        </p>
      </form>
      {analysis ? (
        <div aria-busy={pending}>
          <Results key={resultKey} analysis={analysis} timeZone={timeZone} />
        </div>
      ) : null}
    </>
  );
}
