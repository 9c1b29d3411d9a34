// Demo data: the November 2024 Trump–Putin call story (shared/docs/product.md), told in our own
// words. Idempotent: accounts and entities are upserted by their natural keys, and a claim whose
// slug already exists is left alone (its history is append-only anyway). Run by `npm start` on an
// empty database and by `npm run db:seed`.
import { hashPassword } from "@/lib/auth/password";
import { refreshReviewState } from "@/lib/review/mutations";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type {
  DatePrecision,
  Derivation,
  EntityKind,
  PublicationState,
  Role,
  Sourcing,
  Stance,
  VerificationStatus,
} from "@/lib/generated/prisma/enums";

/** Local demo only: printed by `npm start` and listed in the README. Never use these elsewhere. */
export const DEMO_ACCOUNTS = [
  { email: "editor@newsroom.example", password: "demo-editor-pass", name: "Elena Editor", role: "editor" },
  { email: "checker@newsroom.example", password: "demo-checker-pass", name: "Farid Checker", role: "fact_checker" },
  { email: "admin@newsroom.example", password: "demo-admin-pass", name: "Ada Admin", role: "admin" },
] as const satisfies readonly { email: string; password: string; name: string; role: Role }[];

type EntitySeed = { key: string; kind: EntityKind; name: string; description: string; domain?: string; affiliation?: string };

const ENTITIES: EntitySeed[] = [
  { key: "trump", kind: "person", name: "Donald Trump", description: "US president-elect" },
  { key: "kremlin", kind: "organisation", name: "Kremlin", description: "Office of the President of Russia" },
  { key: "putin", kind: "person", name: "Vladimir Putin", description: "President of Russia", affiliation: "kremlin" },
  { key: "peskov", kind: "person", name: "Dmitry Peskov", description: "Kremlin spokesman", affiliation: "kremlin" },
  { key: "transition", kind: "organisation", name: "Trump transition team", description: "President-elect Trump's transition organisation" },
  { key: "cheung", kind: "person", name: "Steven Cheung", description: "Trump's communications director", affiliation: "transition" },
  { key: "zelenskyy", kind: "person", name: "Volodymyr Zelenskyy", description: "President of Ukraine" },
  { key: "musk", kind: "person", name: "Elon Musk", description: "Businessman and Trump ally" },
  { key: "mod", kind: "organisation", name: "Russian Defence Ministry", description: "Ministry of Defence of the Russian Federation" },
  { key: "gao", kind: "organisation", name: "US Government Accountability Office", description: "Congress's audit and investigative agency", domain: "gao.gov" },
  { key: "wapo", kind: "organisation", name: "The Washington Post", description: "US newspaper", domain: "washingtonpost.com" },
  { key: "reuters", kind: "organisation", name: "Reuters", description: "International news agency", domain: "reuters.com" },
  { key: "cbc", kind: "organisation", name: "CBC News", description: "Canadian public broadcaster", domain: "cbc.ca" },
  { key: "axios", kind: "organisation", name: "Axios", description: "US news site", domain: "axios.com" },
  { key: "ap", kind: "organisation", name: "Associated Press", description: "US news agency", domain: "apnews.com" },
];

type EvidenceSeed = {
  key: string;
  outlet: string;
  url: string;
  headline: string;
  publishedAt: string;
  speaker?: string;
  speakerDescription?: string;
  sourcing: Sourcing;
  quote?: string;
  stance: Stance;
  derivedFrom?: { key: string; derivation: Derivation };
};

type TransitionSeed = { to: VerificationStatus; by: Role; at: string; rationale: string; cites?: string[] };

type ClaimSeed = {
  slug: string;
  statement: string;
  context: string;
  eventDate: string;
  eventDatePrecision: DatePrecision;
  tags: string[];
  about: string[];
  publication: PublicationState;
  evidence: EvidenceSeed[];
  /** The first entry is the logging of the claim (to `unverified`). */
  history: TransitionSeed[];
};

const CLAIMS: ClaimSeed[] = [
  {
    slug: "trump-spoke-with-putin",
    statement: "Donald Trump spoke with Vladimir Putin by phone after the 2024 election and urged him not to escalate the war in Ukraine.",
    context:
      "Two outlets reported the call on 10 November 2024, both citing unnamed sources. The Kremlin denied on the record the next day that any conversation had happened; Trump's team would not comment.",
    eventDate: "2024-11-07",
    eventDatePrecision: "approximate",
    tags: ["us-politics", "russia", "ukraine-war"],
    about: ["trump", "putin"],
    publication: "published",
    evidence: [
      {
        key: "wapo-call",
        outlet: "wapo",
        url: "https://www.washingtonpost.com/world/2024/11/10/trump-putin-phone-call-ukraine/",
        headline: "Trump spoke with Putin and advised against escalating in Ukraine, people familiar with the call say",
        publishedAt: "2024-11-10T14:00:00Z",
        speakerDescription: "people familiar with the call",
        sourcing: "anonymous",
        quote: "Trump advised the Russian leader not to escalate the war in Europe, according to people familiar with the call.",
        stance: "reports",
      },
      {
        key: "reuters-call",
        outlet: "reuters",
        url: "https://www.reuters.com/world/us/trump-putin-call-2024-11-10/",
        headline: "Trump and Putin discussed Ukraine in a call, source says",
        publishedAt: "2024-11-10T18:30:00Z",
        speakerDescription: "a source familiar with the conversation",
        sourcing: "anonymous",
        quote: "The call took place \"in recent days\", the source said.",
        stance: "reports",
      },
      {
        key: "cbc-call",
        outlet: "cbc",
        url: "https://www.cbc.ca/news/world/trump-putin-call-1.7379000",
        headline: "Trump and Putin discussed Ukraine in a call, source says",
        publishedAt: "2024-11-10T19:10:00Z",
        speakerDescription: "a source familiar with the conversation",
        sourcing: "anonymous",
        quote: "The call took place \"in recent days\", the source said.",
        stance: "reports",
        derivedFrom: { key: "reuters-call", derivation: "republishes" },
      },
      {
        key: "cheung-no-comment",
        outlet: "wapo",
        url: "https://www.washingtonpost.com/world/2024/11/10/trump-putin-phone-call-ukraine/#cheung",
        headline: "Trump spokesman declines to discuss calls with foreign leaders",
        publishedAt: "2024-11-10T14:00:00Z",
        speaker: "cheung",
        sourcing: "on_record",
        quote: "Cheung said the campaign would not comment on private calls between President Trump and other world leaders.",
        stance: "declines_to_comment",
      },
      {
        key: "peskov-denial",
        outlet: "reuters",
        url: "https://www.reuters.com/world/kremlin-says-putin-trump-call-report-fiction-2024-11-11/",
        headline: "Kremlin says report of Putin–Trump call is \"pure fiction\"",
        publishedAt: "2024-11-11T09:15:00Z",
        speaker: "peskov",
        sourcing: "on_record",
        quote: "Peskov told reporters that no such conversation had taken place and called the report \"pure fiction\".",
        stance: "denies",
      },
    ],
    history: [
      {
        to: "unverified",
        by: "editor",
        at: "2024-11-10T15:05:00Z",
        rationale: "Logged on the Washington Post's report, which rests on unnamed sources.",
      },
      {
        to: "disputed",
        by: "fact_checker",
        at: "2024-11-11T10:40:00Z",
        rationale:
          "The Kremlin, a party to the alleged call, denied on the record that it took place. Two independent reports rest only on unnamed sources, and Trump's team declined to comment, so the claim is disputed.",
        cites: ["peskov-denial"],
      },
    ],
  },
  {
    slug: "trump-spoke-with-zelenskyy",
    statement: "Donald Trump spoke with Volodymyr Zelenskyy by phone on 6 November 2024.",
    context: "Several outlets reported the call the day after the election; Zelenskyy himself described it publicly.",
    eventDate: "2024-11-06",
    eventDatePrecision: "day",
    tags: ["us-politics", "ukraine-war"],
    about: ["trump", "zelenskyy"],
    publication: "published",
    evidence: [
      {
        key: "axios-zelenskyy",
        outlet: "axios",
        url: "https://www.axios.com/2024/11/08/trump-zelensky-call-elon-musk",
        headline: "Elon Musk joined Trump's call with Zelensky, sources say",
        publishedAt: "2024-11-08T12:00:00Z",
        speakerDescription: "sources with knowledge of the call",
        sourcing: "anonymous",
        quote: "The call lasted about half an hour, the sources said.",
        stance: "reports",
      },
      {
        key: "zelenskyy-statement",
        outlet: "ap",
        url: "https://apnews.com/article/zelenskyy-trump-call-congratulations-2024-11-07",
        headline: "Zelenskyy says he had an \"excellent\" call with Trump",
        publishedAt: "2024-11-07T10:00:00Z",
        speaker: "zelenskyy",
        sourcing: "on_record",
        quote: "Zelenskyy said he had congratulated Trump in an excellent call and agreed to keep in close contact.",
        stance: "confirms",
      },
    ],
    history: [
      { to: "unverified", by: "editor", at: "2024-11-07T08:00:00Z", rationale: "Logged as reports of the call came in." },
      {
        to: "confirmed",
        by: "fact_checker",
        at: "2024-11-07T11:30:00Z",
        rationale: "Zelenskyy, a party to the call, confirmed it on the record.",
        cites: ["zelenskyy-statement"],
      },
    ],
  },
  {
    slug: "musk-joined-trump-zelenskyy-call",
    statement: "Elon Musk joined Donald Trump's 6 November 2024 phone call with Volodymyr Zelenskyy.",
    context: "Reported by Axios citing unnamed sources; no party to the call has addressed it on the record yet.",
    eventDate: "2024-11-06",
    eventDatePrecision: "day",
    tags: ["us-politics", "ukraine-war"],
    about: ["musk", "trump", "zelenskyy"],
    publication: "draft",
    evidence: [
      {
        key: "axios-musk",
        outlet: "axios",
        url: "https://www.axios.com/2024/11/08/trump-zelensky-call-elon-musk",
        headline: "Elon Musk joined Trump's call with Zelensky, sources say",
        publishedAt: "2024-11-08T12:00:00Z",
        speakerDescription: "sources with knowledge of the call",
        sourcing: "anonymous",
        stance: "reports",
      },
    ],
    history: [{ to: "unverified", by: "editor", at: "2024-11-08T13:00:00Z", rationale: "Logged from the Axios report." }],
  },
  {
    slug: "ukraine-34-drones-moscow",
    statement: "Ukraine attacked Moscow with at least 34 drones on 10 November 2024, its largest drone strike on the capital since the war began.",
    context: "Russian officials gave the count; Ukraine did not comment on the specific figure.",
    eventDate: "2024-11-10",
    eventDatePrecision: "day",
    tags: ["ukraine-war", "russia"],
    about: ["mod"],
    publication: "published",
    evidence: [
      {
        key: "reuters-drones",
        outlet: "reuters",
        url: "https://www.reuters.com/world/europe/ukraine-launches-biggest-drone-attack-moscow-2024-11-10/",
        headline: "Ukraine launches its biggest drone attack on Moscow",
        publishedAt: "2024-11-10T08:00:00Z",
        speaker: "mod",
        sourcing: "on_record",
        quote: "The defence ministry said air defences destroyed 34 drones over the Moscow region.",
        stance: "reports",
      },
      {
        key: "ap-drones",
        outlet: "ap",
        url: "https://apnews.com/article/russia-ukraine-war-drones-moscow-2024-11-10",
        headline: "Moscow region hit by the largest Ukrainian drone attack of the war",
        publishedAt: "2024-11-10T09:30:00Z",
        speaker: "mod",
        sourcing: "on_record",
        quote: "Russian officials described it as the largest drone attack on the capital since the invasion began.",
        stance: "reports",
      },
    ],
    history: [
      { to: "unverified", by: "editor", at: "2024-11-10T08:20:00Z", rationale: "Logged from the first wire report." },
      {
        to: "corroborated",
        by: "fact_checker",
        at: "2024-11-10T10:00:00Z",
        rationale: "Two agencies reported the figure independently, both quoting Russian officials on the record.",
        cites: ["reuters-drones", "ap-drones"],
      },
    ],
  },
  {
    slug: "congress-174-billion-ukraine",
    statement: "Congress appropriated more than US$174 billion for Ukraine under President Biden, according to the US Government Accountability Office.",
    context: "The figure covers all funding Congress approved in response to Russia's full-scale invasion.",
    eventDate: "2024-11-01",
    eventDatePrecision: "month",
    tags: ["us-politics", "ukraine-war", "budget"],
    about: ["gao"],
    publication: "published",
    evidence: [
      {
        key: "gao-report",
        outlet: "gao",
        url: "https://www.gao.gov/ukraine",
        headline: "Ukraine: oversight of US assistance",
        publishedAt: "2024-10-01T00:00:00Z",
        speaker: "gao",
        sourcing: "document",
        quote: "Congress has appropriated about $174.2 billion in response to Russia's invasion of Ukraine.",
        stance: "confirms",
      },
    ],
    history: [
      { to: "unverified", by: "editor", at: "2024-11-10T16:00:00Z", rationale: "Logged from the wire story's background." },
      {
        to: "confirmed",
        by: "fact_checker",
        at: "2024-11-11T09:00:00Z",
        rationale: "The GAO's own oversight page gives the figure.",
        cites: ["gao-report"],
      },
    ],
  },
  {
    slug: "trump-end-war-in-a-day",
    statement: "Donald Trump said he could end the war in Ukraine \"in a day\".",
    context: "Trump repeated the line at rallies and interviews during the 2024 campaign.",
    eventDate: "2024-09-10",
    eventDatePrecision: "day",
    tags: ["us-politics", "ukraine-war"],
    about: ["trump"],
    publication: "published",
    evidence: [
      {
        key: "ap-one-day",
        outlet: "ap",
        url: "https://apnews.com/article/trump-ukraine-war-end-24-hours",
        headline: "Trump repeats that he would end the war in Ukraine within a day",
        publishedAt: "2024-09-11T02:00:00Z",
        speaker: "trump",
        sourcing: "on_record",
        quote: "Trump said he would have the war settled before taking office, \"in a day\".",
        stance: "confirms",
      },
    ],
    history: [
      { to: "unverified", by: "editor", at: "2024-11-10T16:10:00Z", rationale: "Logged as background to the call story." },
      {
        to: "confirmed",
        by: "fact_checker",
        at: "2024-11-10T17:00:00Z",
        rationale: "Trump said it himself, on the record and on camera.",
        cites: ["ap-one-day"],
      },
    ],
  },
  {
    slug: "trump-putin-would-not-have-invaded",
    statement: "Donald Trump said Vladimir Putin would never have invaded Ukraine had Trump been president.",
    context: "A line Trump used often; we are still finding the primary source for the wording quoted in the call story.",
    eventDate: "2024-11-01",
    eventDatePrecision: "year",
    tags: ["us-politics", "ukraine-war"],
    about: ["trump", "putin"],
    publication: "draft",
    evidence: [],
    history: [{ to: "unverified", by: "editor", at: "2024-11-10T16:20:00Z", rationale: "Logged; primary source still to find." }],
  },
];

export type SeedResult = { claimsCreated: number; claimsSkipped: number };

export async function seedDemoData(prisma: PrismaClient): Promise<SeedResult> {
  // The demo accounts' passwords are published in the README: never on a production database.
  if (process.env.NODE_ENV === "production") {
    throw new Error("Demo data is never seeded when NODE_ENV=production (its passwords are public).");
  }
  const users = new Map<Role, string>();
  for (const account of DEMO_ACCOUNTS) {
    const user = await prisma.user.upsert({
      where: { email: account.email },
      update: {},
      create: { email: account.email, name: account.name, role: account.role, emailVerified: true },
      select: { id: true },
    });
    users.set(account.role, user.id);
    const existing = await prisma.account.findUnique({
      where: { providerId_accountId: { providerId: "credential", accountId: user.id } },
      select: { id: true },
    });
    if (!existing) {
      await prisma.account.create({
        data: {
          userId: user.id,
          providerId: "credential",
          accountId: user.id,
          password: await hashPassword(account.password),
        },
      });
    }
  }

  const entities = new Map<string, string>();
  for (const seed of ENTITIES) {
    const found = await prisma.entity.findFirst({
      where: seed.domain ? { domain: seed.domain } : { name: seed.name, kind: seed.kind },
      select: { id: true },
    });
    const affiliationId = seed.affiliation ? entities.get(seed.affiliation) : undefined;
    const entity =
      found ??
      (await prisma.entity.create({
        data: { kind: seed.kind, name: seed.name, description: seed.description, domain: seed.domain, affiliationId },
        select: { id: true },
      }));
    entities.set(seed.key, entity.id);
  }

  let claimsCreated = 0;
  for (const seed of CLAIMS) {
    const exists = await prisma.claim.findUnique({ where: { slug: seed.slug }, select: { id: true } });
    if (exists) continue;
    await prisma.$transaction((tx) => createSeedClaim(tx, seed, users, entities));
    claimsCreated += 1;
  }
  return { claimsCreated, claimsSkipped: CLAIMS.length - claimsCreated };
}

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

function lookup(map: Map<string, string>, key: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`seed data refers to unknown key ${key}`);
  return id;
}

async function createSeedClaim(tx: Tx, seed: ClaimSeed, users: Map<Role, string>, entities: Map<string, string>) {
  const first = seed.history[0];
  const last = seed.history.at(-1);
  if (!first || !last) throw new Error(`seed claim ${seed.slug} has no history`);
  const editorId = lookup(users, "editor");

  const claim = await tx.claim.create({
    data: {
      slug: seed.slug,
      statement: seed.statement,
      context: seed.context,
      eventDate: new Date(seed.eventDate),
      eventDatePrecision: seed.eventDatePrecision,
      tags: seed.tags,
      status: last.to,
      publication: seed.publication,
      publishedAt: seed.publication === "published" ? new Date(first.at) : null,
      version: seed.history.length,
      createdById: editorId,
      createdAt: new Date(first.at),
      updatedAt: new Date(last.at),
      entities: { create: seed.about.map((key) => ({ entityId: lookup(entities, key) })) },
    },
    select: { id: true },
  });

  const evidence = new Map<string, string>();
  for (const item of seed.evidence) {
    const created = await tx.evidence.create({
      data: {
        claimId: claim.id,
        outletId: lookup(entities, item.outlet),
        url: item.url,
        headline: item.headline,
        publishedAt: new Date(item.publishedAt),
        speakerId: item.speaker ? lookup(entities, item.speaker) : null,
        speakerDescription: item.speakerDescription ?? null,
        sourcing: item.sourcing,
        quote: item.quote ?? "",
        stance: item.stance,
        derivedFromId: item.derivedFrom ? lookup(evidence, item.derivedFrom.key) : null,
        derivation: item.derivedFrom?.derivation ?? null,
        createdById: editorId,
        createdAt: new Date(item.publishedAt),
        updatedAt: new Date(item.publishedAt),
      },
      select: { id: true },
    });
    evidence.set(item.key, created.id);
  }

  let from: VerificationStatus | null = null;
  for (const [index, step] of seed.history.entries()) {
    const transition = await tx.statusTransition.create({
      data: {
        claimId: claim.id,
        sequence: index + 1,
        fromStatus: from,
        toStatus: step.to,
        actorId: lookup(users, step.by),
        actorRole: step.by,
        rationale: step.rationale,
        createdAt: new Date(step.at),
      },
      select: { id: true },
    });
    await tx.transitionEvidence.createMany({
      data: (step.cites ?? []).map((key) => ({ transitionId: transition.id, evidenceId: lookup(evidence, key) })),
    });
    from = step.to;
  }
  await refreshReviewState(tx, [claim.id]);
}
