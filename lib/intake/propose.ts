// Proposals an editor accepts, edits or ignores one by one: the claims an article attributes or
// reports, and for each the evidence its reporting language gives (stance and sourcing), with the
// speakers, outlets and event dates it names. Rule-based and pure: compromise splits sentences and
// finds people's names; our own patterns read the reporting verbs. No database (matching to
// existing entities and claims is lib/intake/match.ts).
import nlp from "compromise";
import type { Derivation, Sourcing, Stance } from "@/lib/generated/prisma/enums";
import { findStatedDate, publicationDay } from "@/lib/intake/dates";
import type { ExtractedArticle } from "@/lib/intake/extract";

export type Span = { start: number; end: number };

export type ProposedSpeaker = { name: string; kind: "person" | "organisation"; description: string | null };

export type EvidenceProposal = {
  id: string;
  stance: Stance;
  sourcing: Sourcing;
  /** A named speaker (a person, or an organisation speaking as one). */
  speaker: ProposedSpeaker | null;
  /** Who spoke when no one is named ("two officials who were not authorised to speak"). */
  speakerDescription: string | null;
  /** Another outlet whose report this is ("Reuters reported"); null: the article's own outlet. */
  outlet: string | null;
  /** How the article depends on that other outlet's report: it cites or republishes it. */
  articleDerivation: Derivation | null;
  quote: string;
  sentence: Span;
};

export type ClaimProposal = {
  id: string;
  statement: string;
  eventDate: string | null;
  eventDatePrecision: "day" | "month" | "year";
  sentence: Span;
  evidence: EvidenceProposal[];
};

export type Proposals = { sentences: Span[]; claims: ClaimProposal[] };

// --- Reporting language --------------------------------------------------------------------

const DECLINE = /\b(declined to comment|declined to (?:discuss|confirm or deny)|refused to comment|did not (?:immediately )?(?:respond|reply) to (?:a |multiple |several )?requests? for comment|(?:could|can) not be reached for comment|did not (?:immediately )?(?:respond|reply)\b)/i;
const DENY = /\b(denied|denies|deny|rejected the (?:report|claim|allegation)s?|dismissed the (?:report|claim|allegation)s?|called (?:the|these|those) (?:report|claim|allegation|story)s? (?:false|untrue|baseless|fabricated|fake|a fabrication|nonsense|a lie)|no such [a-z]+ (?:took place|happened|exists?)|never (?:happened|took place)|did not take place|is (?:false|untrue)|was (?:false|untrue))/i;
const NOT_CONFIRMED = /\b(not|n't|never|yet to|declined to|unable to|could not|cannot|if)\s+(?:be\s+)?(?:independently\s+)?confirm/i;
const CONFIRM = /\bconfirm(?:ed|s)\b/i;
const ANONYMOUS = /\b(unnamed|anonymous|anonymity|not authori[sz]ed|familiar with|who (?:asked|declined|spoke on condition) (?:not )?to be (?:named|identified)|(?:two|three|four|five|six|several|multiple|\d+) (?:current and former |senior |western |u\.s\. |european )?(?:officials|sources|people|diplomats|officers|employees|staff)|a (?:senior |western )?(?:source|official|person|diplomat) (?:close|familiar|briefed)|sources? (?:close|said|say))/i;
const DOCUMENT = /\b(documents?|memo|letter|filing|records?|emails?) (?:seen|reviewed|obtained) by\b|\baccording to (?:a|an|the) (?:document|memo|letter|filing|court filing|report seen)\b/i;
const OFFICIAL = /\b(spokes(?:man|woman|person)|ministry|embassy|office|offices|government|department|agency|police|army|company|spokespeople|press secretary|statement)\b/i;
const RETRACT = /^(.+?)\s+(?:on\s+\w+\s+)?(?:retracted|withdrew|has withdrawn|corrected)\s+(?:its|their|an?|the)\s+(?:[^,]*?\s)?(?:report|story|article)\s+that\s+(.+)$/;
const CORRECTION = /\b(?:an earlier version of this (?:article|story|report)|this (?:article|story) (?:previously|originally)) (?:incorrectly |wrongly |erroneously )?(?:said|reported|stated)\s+that\s+(.+)$/i;
const REPORT_TAIL = /^(.*?),\s+([^,]{2,80}?)\s+(reported|reports|wrote|writes|said|says)\b([^,]*?)(?:,\s*(citing|quoting)\s+(.+))?$/;
const ACCORDING_TAIL = /^(.*?),\s+according to\s+(.+)$/i;
const ACCORDING_HEAD = /^according to\s+([^,]+),\s+(.+)$/i;
const REPORT_HEAD = /^(.+?)\s+(?:first\s+)?(reported|reports|said|says)\s+(?:(?:on|last|earlier)\s+\w+\s+)?that\s+(.+)$/;
const CONFIRM_HEAD = /^(.+?)\s+confirmed\s+(?:(?:on|late on|earlier on)\s+\w+\s+)?that\s+(.+)$/;
const CIRCUMSTANCE = /,\s+(?:(?:a|one|two|three|several) (?:day|days|week|weeks|hours?)\s+|hours\s+|days\s+|shortly\s+|soon\s+|just\s+)?(?:after|before|since|when|while|as)\b.*$/;
const CREDIT = /((?:The\s+)?[A-Z][\w.&'-]*(?:\s+(?:of\s+)?[A-Z][\w.&'-]*)*)\s+(?:first\s+|had\s+|has\s+)?(?:reported|revealed|disclosed)\b/;
const REPUBLISHED = /\b(?:originally (?:published|appeared) (?:in|by|on)|republished (?:here )?(?:with permission )?(?:from|of))\s+((?:The\s+)?[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*)*)/;
const DATELINE = /^[A-Z][A-Z .,'/-]{2,40}(?:\s*\([^)]{1,40}\))?\s*[—–-]{1,2}\s*/;
const QUOTE = /["“]([^"”]{3,})["”]/;
const PRONOUN = /^(it|they|he|she)\b/i;
const LOWER_SOURCE = /^(?:the|a|an)\s/i;
/** Words between a subject and its verb: "Alvarez had denied", "the ministry also declined". */
const AUXILIARIES = /(?:\s+(?:had|has|have|also|again|previously|later|flatly|strongly|quickly|immediately|swiftly|has since|then))+\s*$/i;
/** Titles that belong in a description, not in a name ("Mayor Jane Alvarez"). */
const TITLE = /^(?:Mayor|President|Prime Minister|Foreign Minister|Minister|Secretary|Senator|Sen\.|Rep\.|Governor|Gov\.|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Sir|General|Gen\.)\s+/;
/** "The ministry", "A spokeswoman": a description starts lower-case; "Ukraine's ministry" keeps its capital. */
function asDescription(phrase: string): string {
  return phrase.replace(/^(The|A|An)\s/, (article) => article.toLowerCase());
}

// --- Text helpers ----------------------------------------------------------------------------

function stripEnd(text: string): string {
  return text.replace(/[\s.,;:]+$/, "").trim();
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The trailing run of capitalised words in a phrase: "the Swiss daily Le Temps" → "Le Temps". */
function properName(phrase: string): string | null {
  const words = stripEnd(phrase).split(/\s+/);
  const run: string[] = [];
  for (let index = words.length - 1; index >= 0; index--) {
    const word = words[index]!;
    if (/^[A-Z][\w.&'-]*$/.test(word) || (run.length > 0 && /^(of|de|du|la|le)$/.test(word))) run.unshift(word);
    else break;
  }
  while (run.length && /^(of|de|du|la|le)$/.test(run[0]!)) run.shift();
  return run.length ? run.join(" ") : null;
}

// compromise tags a whole phrase to find names in it (most of propose's time): the same subject
// phrases come back sentence after sentence, so their answers are kept, a bounded number of them.
const NAMES_SEEN = new Map<string, string[]>();

function personNames(text: string): string[] {
  const known = NAMES_SEEN.get(text);
  if (known) return known;
  const names = (nlp(text).people().out("array") as string[])
    .map((name) => stripEnd(name.replace(/['’]s$/, "")).replace(TITLE, ""))
    .filter((name) => name && /^[A-Z]/.test(name));
  if (NAMES_SEEN.size >= 2_000) NAMES_SEEN.clear();
  NAMES_SEEN.set(text, names);
  return names;
}

/** A sourcing read from the words that name the source. */
function sourcingOf(words: string, named: boolean): Sourcing {
  if (DOCUMENT.test(words)) return "document";
  if (ANONYMOUS.test(words)) return "anonymous";
  if (named || OFFICIAL.test(words)) return "on_record";
  return "anonymous";
}

// --- The reader ------------------------------------------------------------------------------

type Context = {
  article: ExtractedArticle;
  /** Every person the article names, so that "Peskov" is "Dmitri Peskov". */
  people: string[];
  claims: ClaimProposal[];
  /** The claim the article's report is about, that responses ("denied") attach to. */
  head: ClaimProposal | null;
  /** The last report proposed, that "according to the report" continues. */
  lastReport: EvidenceProposal | null;
  /** The last response proposed, that a following quote belongs to. */
  lastResponse: { claim: ClaimProposal; evidence: EvidenceProposal; sentenceIndex: number } | null;
  published: ReturnType<typeof publicationDay>;
  republishedFrom: string | null;
  nextId: number;
};

function fullName(context: Context, name: string): string {
  if (name.includes(" ")) return name;
  return context.people.find((person) => person.endsWith(` ${name}`)) ?? name;
}

/** Who a subject phrase names: a person, an organisation, or only a description. */
function speakerOf(context: Context, subject: string): { speaker: ProposedSpeaker | null; description: string | null } {
  const phrase = stripEnd(subject.replace(DATELINE, "").replace(/\s+(?:on|late on|earlier on)\s+\w+$/, "").replace(AUXILIARIES, ""));
  if (!phrase || PRONOUN.test(phrase)) {
    const previous = context.lastResponse?.evidence;
    return { speaker: previous?.speaker ?? null, description: previous?.speaker ? null : (previous?.speakerDescription ?? null) };
  }
  const [person] = personNames(phrase).sort((a, b) => b.length - a.length);
  if (person) {
    const description = stripEnd(
      phrase
        .replace(person, "")
        .replace(/\s*,\s*,?\s*/g, " ")
        .trim(),
    );
    return {
      speaker: { name: fullName(context, person), kind: "person", description: description && !/^(?:mr|ms|mrs|dr)\.?$/i.test(description) ? asDescription(description) : null },
      description: null,
    };
  }
  // "The Pentagon", "The White House": a proper name, nothing else.
  const name = properName(phrase);
  if (name && phrase.replace(/^the\s+/i, "") === name.replace(/^the\s+/i, "")) {
    return { speaker: { name: name.replace(/^The\s+/, ""), kind: "organisation", description: null }, description: null };
  }
  return { speaker: null, description: asDescription(phrase) };
}

function newEvidence(context: Context, sentence: Span, fields: Partial<EvidenceProposal> & Pick<EvidenceProposal, "stance" | "sourcing">): EvidenceProposal {
  return {
    speaker: null,
    speakerDescription: null,
    outlet: null,
    articleDerivation: null,
    quote: "",
    ...fields,
    id: `e${context.nextId++}`,
    sentence,
  };
}

function newClaim(context: Context, clause: string, sentence: Span, head: boolean): ClaimProposal | null {
  let statement = stripEnd(clause.replace(DATELINE, "").replace(CIRCUMSTANCE, ""));
  if (statement.split(/\s+/).length < 4 || QUOTE.test(statement)) return null;
  let eventDate: string | null = null;
  let eventDatePrecision: ClaimProposal["eventDatePrecision"] = "day";
  const stated = findStatedDate(statement, context.published);
  if (stated) {
    eventDate = stated.date;
    eventDatePrecision = stated.precision;
    // "on Thursday" means nothing once the article is gone: the date field keeps it.
    if (stated.relative && stated.precision === "day") {
      statement = stripEnd(`${statement.slice(0, stated.start)} ${statement.slice(stated.end)}`.replace(/\s+/g, " ").replace(/\s+,/g, ","));
    }
  }
  const claim: ClaimProposal = { id: `c${context.nextId++}`, statement: upperFirst(statement), eventDate, eventDatePrecision, sentence, evidence: [] };
  context.claims.push(claim);
  if (head) context.head = claim;
  return claim;
}

/**
 * A report of `claim` by `sourceWords`: an outlet that "reported" ("the Swiss daily Le Temps",
 * "Reuters, citing a source…", "according to emails obtained by X"), or a speaker who "said" it.
 */
function addReport(context: Context, claim: ClaimProposal, sentence: Span, sourceWords: string, allWords: string, verb: "reported" | "said") {
  const source = stripEnd(sourceWords.split(/,\s*(?:which|who|citing|quoting)\b/)[0] ?? "");
  if (/^(?:the|that|this) (?:report|story|article)$/i.test(source) && context.lastReport) {
    claim.evidence.push(newEvidence(context, sentence, { ...context.lastReport, quote: "" }));
    return;
  }
  let evidence: EvidenceProposal;
  if (verb === "said") {
    const { speaker, description } = speakerOf(context, source);
    const sourcing = speaker || (description && OFFICIAL.test(description)) ? sourcingOf(allWords, true) : sourcingOf(allWords, false);
    evidence = newEvidence(context, sentence, { stance: "reports", sourcing, speaker, speakerDescription: speaker ? null : description });
  } else {
    // "emails obtained by X": the outlet is X.
    const outletWords = /\b(?:obtained|seen|reviewed) by\s+(.+)$/.exec(source)?.[1] ?? source;
    const named = LOWER_SOURCE.test(outletWords) ? properName(outletWords) : (properName(outletWords) ?? outletWords);
    const person = named ? personNames(named)[0] : undefined;
    const sourcing = sourcingOf(allWords, Boolean(person));
    if (person) {
      evidence = newEvidence(context, sentence, { stance: "reports", sourcing, speaker: { name: fullName(context, person), kind: "person", description: null } });
    } else if (named && named !== context.article.outlet) {
      evidence = newEvidence(context, sentence, { stance: "reports", sourcing, outlet: named, articleDerivation: named === context.republishedFrom ? "republishes" : "cites" });
    } else {
      const description = ANONYMOUS.test(allWords) ? stripEnd((/(?:citing|according to)\s+(.+)$/i.exec(allWords)?.[1] ?? "").split(/,\s*/)[0] ?? "") || null : null;
      evidence = newEvidence(context, sentence, { stance: "reports", sourcing, speakerDescription: description });
    }
  }
  if (context.republishedFrom && !evidence.outlet) {
    evidence.outlet = context.republishedFrom;
    evidence.articleDerivation = "republishes";
  }
  claim.evidence.push(evidence);
  context.lastReport = evidence;
}

/** Another outlet credited in a claim's sentence ("a day after The Washington Post first reported the decision"). */
function addCredit(context: Context, claim: ClaimProposal, sentence: Span, words: string) {
  const credit = CREDIT.exec(words);
  if (!credit) return;
  const outlet = credit[1]!.trim();
  if (personNames(outlet).length || outlet === context.article.outlet) return;
  if (claim.evidence.some((evidence) => evidence.outlet === outlet)) return;
  const evidence = newEvidence(context, sentence, { stance: "reports", sourcing: sourcingOf(words, false) === "anonymous" && !ANONYMOUS.test(words) ? "on_record" : sourcingOf(words, false), outlet, articleDerivation: "cites" });
  claim.evidence.push(evidence);
  context.lastReport = evidence;
}

function addResponse(context: Context, sentence: Span, index: number, stance: Stance, subject: string, words: string) {
  const claim = context.head;
  if (!claim) return;
  const { speaker, description } = speakerOf(context, subject);
  const sourcing: Sourcing = speaker ? "on_record" : description && OFFICIAL.test(description) ? "on_record" : sourcingOf(words, false);
  const quote = QUOTE.exec(words)?.[1]?.trim() ?? "";
  const evidence = newEvidence(context, sentence, { stance, sourcing, speaker, speakerDescription: speaker ? null : description, quote });
  claim.evidence.push(evidence);
  context.lastResponse = { claim, evidence, sentenceIndex: index };
}

/** A quotation and who said it: '"No such meeting took place," Peskov told reporters.' */
function readQuote(context: Context, sentence: Span, index: number, words: string): boolean {
  const quote = QUOTE.exec(words);
  if (!quote) return false;
  const rest = `${words.slice(0, quote.index)} ${words.slice(quote.index + quote[0].length)}`.trim();
  const attribution = /^,?\s*(.+?)\s+(?:said|says|told|wrote|added)\b/.exec(rest) ?? /^,?\s*(?:said|says|added)\s+(.+?)(?:[.,]|$)/.exec(rest);
  const previous = context.lastResponse;
  if (!attribution) {
    // A quotation on its own continues the one before it, if it was just before.
    if (previous && previous.sentenceIndex === index - 1 && rest.replace(/[.\s]/g, "") === "") previous.sentenceIndex = index;
    return true;
  }
  if (!previous || index - previous.sentenceIndex > 2 || !context.head) return true;
  const { speaker, description } = speakerOf(context, attribution[1]!);
  const same =
    !previous.evidence.speaker ||
    (speaker && previous.evidence.speaker && (speaker.name === previous.evidence.speaker.name || speaker.name.endsWith(previous.evidence.speaker.name) || previous.evidence.speaker.name.endsWith(speaker.name)));
  const text = quote[1]!.replace(/[,\s]+$/, "");
  if (same) {
    if (!previous.evidence.speaker && speaker) {
      previous.evidence.speaker = speaker;
      previous.evidence.speakerDescription = null;
    }
    previous.evidence.quote = previous.evidence.quote ? `${previous.evidence.quote} ${text}` : text;
    previous.sentenceIndex = index;
    return true;
  }
  const evidence = newEvidence(context, sentence, {
    stance: previous.evidence.stance,
    sourcing: speaker || (description && OFFICIAL.test(description)) ? "on_record" : "anonymous",
    speaker,
    speakerDescription: speaker ? null : description,
    quote: text,
  });
  previous.claim.evidence.push(evidence);
  context.lastResponse = { claim: previous.claim, evidence, sentenceIndex: index };
  return true;
}

function readSentence(context: Context, sentence: Span, index: number) {
  const raw = context.article.text.slice(sentence.start, sentence.end);
  const words = stripEnd(raw.replace(DATELINE, ""));
  if (!words) return;

  const retraction = RETRACT.exec(words);
  if (retraction) {
    const claim = newClaim(context, retraction[2]!, sentence, true);
    if (claim) {
      const outlet = properName(retraction[1]!.replace(/\s+on\s+\w+$/, "")) ?? context.article.outlet;
      const evidence = newEvidence(context, sentence, { stance: "retracts", sourcing: "on_record", outlet: outlet === context.article.outlet ? null : outlet });
      claim.evidence.push(evidence);
      context.lastResponse = { claim, evidence, sentenceIndex: index };
      return;
    }
  }
  const correction = CORRECTION.exec(words);
  if (correction) {
    const claim = newClaim(context, correction[1]!, sentence, true);
    if (claim) {
      const evidence = newEvidence(context, sentence, { stance: "retracts", sourcing: "on_record" });
      claim.evidence.push(evidence);
      context.lastResponse = { claim, evidence, sentenceIndex: index };
      return;
    }
  }

  if (QUOTE.test(words) && readQuote(context, sentence, index, words)) return;

  const decline = DECLINE.exec(words);
  if (decline) return addResponse(context, sentence, index, "declines_to_comment", words.slice(0, decline.index), words);

  const confirmHead = CONFIRM_HEAD.exec(words);
  if (confirmHead && !NOT_CONFIRMED.test(words)) {
    const { speaker, description } = speakerOf(context, confirmHead[1]!);
    let clause = confirmHead[2]!;
    const subjectName = speaker?.kind === "organisation" ? `The ${speaker.name}` : speaker?.name;
    if (subjectName && PRONOUN.test(clause)) clause = clause.replace(PRONOUN, subjectName);
    const claim = newClaim(context, clause, sentence, true);
    if (claim) {
      const evidence = newEvidence(context, sentence, { stance: "confirms", sourcing: speaker || (description && OFFICIAL.test(description)) ? "on_record" : "anonymous", speaker, speakerDescription: speaker ? null : description });
      claim.evidence.push(evidence);
      context.lastResponse = { claim, evidence, sentenceIndex: index };
      addCredit(context, claim, sentence, confirmHead[2]!);
      return;
    }
  }

  const deny = DENY.exec(words);
  if (deny) return addResponse(context, sentence, index, "denies", words.slice(0, deny.index), words);

  const confirm = CONFIRM.exec(words);
  if (confirm && !NOT_CONFIRMED.test(words)) return addResponse(context, sentence, index, "confirms", words.slice(0, confirm.index), words);

  const tail = REPORT_TAIL.exec(words);
  if (tail) {
    const reported = /^(?:reported|reports|wrote|writes)$/.test(tail[3]!) || Boolean(tail[5]);
    // "…, X said": a claim when X is someone who can be named or held to it, not "one woman said".
    const said = !reported && (personNames(tail[2]!).length > 0 || OFFICIAL.test(tail[2]!) || Boolean(properName(tail[2]!)));
    const claim = reported || said ? newClaim(context, tail[1]!, sentence, true) : null;
    if (claim) {
      addReport(context, claim, sentence, tail[2]!, words, reported ? "reported" : "said");
      return;
    }
  }
  const according = ACCORDING_TAIL.exec(words) ?? (() => {
    const head = ACCORDING_HEAD.exec(words);
    return head ? ([head[0], head[2], head[1]] as unknown as RegExpExecArray) : null;
  })();
  if (according) {
    const continuing = /^(?:the|that|this) (?:report|story|article)\b/i.test(according[2]!);
    const claim = newClaim(context, according[1]!, sentence, !continuing);
    if (claim) {
      addReport(context, claim, sentence, according[2]!, words, "reported");
      return;
    }
  }
  const head = REPORT_HEAD.exec(words);
  if (head && !PRONOUN.test(head[1]!)) {
    const verb = /^report/.test(head[2]!) ? "reported" : "said";
    // "The department said that it had opened…": the claim names who "it" is.
    const subject = stripEnd(head[1]!.replace(DATELINE, "").replace(/\s+(?:on|late on|earlier on)\s+\w+$/, ""));
    const clause = PRONOUN.test(head[3]!) && /^(it|they)\b/i.test(head[3]!) ? head[3]!.replace(PRONOUN, subject) : head[3]!;
    const claim = newClaim(context, clause, sentence, true);
    if (claim) addReport(context, claim, sentence, head[1]!, words, verb);
  }
}

/** Sentences with their offsets into `text`, paragraph by paragraph (a sentence never spans two). */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const paragraph = /[^\n]+/g;
  for (let match = paragraph.exec(text); match; match = paragraph.exec(text)) {
    const base = match.index;
    const body = match[0];
    let cursor = 0;
    // Tokenising alone splits sentences (abbreviations included); tagging is not needed for it.
    for (const sentence of nlp.tokenize(body).out("array") as string[]) {
      const trimmed = sentence.trim();
      if (!trimmed) continue;
      const at = body.indexOf(trimmed, cursor);
      if (at < 0) continue;
      spans.push({ start: base + at, end: base + at + trimmed.length });
      cursor = at + trimmed.length;
    }
  }
  return spans;
}

export function proposeFromArticle(article: ExtractedArticle): Proposals {
  const sentences = splitSentences(article.text);
  const context: Context = {
    article,
    people: [...new Set(personNames(article.text))].sort((a, b) => b.length - a.length),
    claims: [],
    head: null,
    lastReport: null,
    lastResponse: null,
    published: publicationDay(article.publishedAt),
    republishedFrom: REPUBLISHED.exec(article.text)?.[1] ?? null,
    nextId: 1,
  };
  sentences.forEach((sentence, index) => readSentence(context, sentence, index));
  return { sentences, claims: context.claims };
}
