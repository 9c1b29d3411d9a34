// The only module that reads process.env for the application. Parsed lazily: `next build` runs
// without a database, so nothing may demand DATABASE_URL until a request needs it.
import { z } from "zod";
import { isTimeZone, UTC } from "@/lib/time/zones";

/**
 * The newsroom's time zone (an IANA name such as Europe/London): readers see dates and times in
 * it, and so do staff who have not chosen their own. UTC when unset. The database keeps UTC.
 */
const NewsroomTimeZone = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z
    .string()
    .trim()
    .refine(isTimeZone, { error: "NEWSROOM_TIME_ZONE must be an IANA time zone such as Europe/London or America/New_York" })
    .default(UTC),
);

const ServerEnvSchema = z
  .object({
    DATABASE_URL: z
      .string({ error: "DATABASE_URL is not set (npm start and npm run dev set it for you)" })
      .regex(/^postgres(ql)?:\/\//, { error: "DATABASE_URL must be a postgres:// or postgresql:// URL" }),
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** Signs session cookies. npm start generates one for local use; production must set its own. */
    AUTH_SECRET: z
      .string({ error: "AUTH_SECRET is not set (npm start sets one for local use)" })
      .min(32, { error: "AUTH_SECRET must be at least 32 characters" }),
    /** The public address of this Claimtrail, used for links such as invitations. */
    APP_URL: z.url({ error: "APP_URL must be a URL such as https://claims.example.org" }).default("http://localhost:3000"),
  });

export type ServerEnv = z.infer<typeof ServerEnvSchema>;

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = ServerEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
  }
  cached = parsed.data;
  return cached;
}

// What the public site says about the newsroom that runs it. Every field has a demo default, so
// this never fails (it is read while building, too).
const SiteEnvSchema = z.object({
  NEWSROOM_NAME: z.string().trim().min(1).catch("Claimtrail Demo Newsroom").default("Claimtrail Demo Newsroom"),
  APP_URL: z.url().catch("http://localhost:3000").default("http://localhost:3000"),
  NEWSROOM_LOGO_URL: z.url().optional().catch(undefined),
});

export type SiteConfig = { name: string; url: string; logoUrl: string };

export function siteConfig(): SiteConfig {
  const env = SiteEnvSchema.parse(process.env);
  const url = env.APP_URL.replace(/\/$/, "");
  return { name: env.NEWSROOM_NAME, url, logoUrl: env.NEWSROOM_LOGO_URL ?? `${url}/icon.svg` };
}

// What the HTTP front (scripts/server.ts) needs. Read once at start; a bad value stops the start.
const FrontEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  APP_URL: z.url({ error: "APP_URL must be a URL such as https://claims.example.org" }).default("http://localhost:3000"),
  /**
   * How many proxies in front of Claimtrail append the client's address to X-Forwarded-For. 0 (the
   * default) uses the connection's address and ignores the header, which a client can forge.
   */
  TRUSTED_PROXY_HOPS: z.coerce
    .number({ error: "TRUSTED_PROXY_HOPS must be a whole number (0 when nothing is in front)" })
    .int({ error: "TRUSTED_PROXY_HOPS must be a whole number (0 when nothing is in front)" })
    .min(0)
    .max(10)
    .default(0),
  // Checked here too, so that a misspelt zone stops the start instead of the first page.
  NEWSROOM_TIME_ZONE: NewsroomTimeZone,
});

export type FrontEnv = z.infer<typeof FrontEnvSchema>;

export function frontEnv(): FrontEnv {
  const parsed = FrontEnvSchema.safeParse(process.env);
  if (!parsed.success) throw new Error(`Invalid environment: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
  return parsed.data;
}

/**
 * The newsroom's time zone (NEWSROOM_TIME_ZONE, else UTC). A bad value throws, naming the variable
 * (and scripts/server.ts refuses to start with one, through frontEnv). Cheap: not cached.
 */
export function newsroomTimeZone(): string {
  const parsed = NewsroomTimeZone.safeParse(process.env.NEWSROOM_TIME_ZONE);
  if (!parsed.success) throw new Error(`Invalid environment: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
  return parsed.data;
}

// Webhook retries (docs/webhooks.md). Read on every use, so a test can shorten them.
const WebhookEnvSchema = z.object({
  /** The first retry waits up to this long; each later one up to twice the one before. */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).catch(5_000).default(5_000),
  /** No single wait is longer than this. */
  WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().min(1).catch(3_600_000).default(3_600_000),
  /** No attempt starts later than this after the first one: the delivery has then given up. */
  WEBHOOK_RETRY_WINDOW_MS: z.coerce.number().int().min(1).catch(86_400_000).default(86_400_000),
});

export type WebhookRetryConfig = { baseMs: number; maxMs: number; windowMs: number };

export function webhookRetryConfig(): WebhookRetryConfig {
  const env = WebhookEnvSchema.parse(process.env);
  return { baseMs: env.WEBHOOK_RETRY_BASE_MS, maxMs: env.WEBHOOK_RETRY_MAX_MS, windowMs: env.WEBHOOK_RETRY_WINDOW_MS };
}

// Evidence archiving (docs/archive.md). Read per job, not cached, so a test can change it.
const Flag = z.enum(["0", "1", ""]).optional().transform((value) => value === "1");
const Blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const ArchiveEnvSchema = z
  .object({
    ARCHIVE_ORG: Flag,
    ARCHIVE_RESPECT_ROBOTS: Flag,
    /** Bytes of HTML kept per snapshot; a longer page is cut there and marked truncated. */
    ARCHIVE_MAX_BYTES: z.preprocess(Blank, z.coerce.number().int().min(1_024).max(50 * 1024 * 1024).default(2 * 1024 * 1024)),
    /** The whole fetch, redirects included. */
    ARCHIVE_TIMEOUT_MS: z.preprocess(Blank, z.coerce.number().int().min(100).max(120_000).default(15_000)),
    S3_ENDPOINT: z.preprocess(Blank, z.url({ error: "S3_ENDPOINT must be a URL" }).optional()),
    S3_BUCKET: z.preprocess(Blank, z.string().optional()),
    S3_ACCESS_KEY_ID: z.preprocess(Blank, z.string().optional()),
    S3_SECRET_ACCESS_KEY: z.preprocess(Blank, z.string().optional()),
    S3_REGION: z.preprocess(Blank, z.string().default("us-east-1")),
    S3_FORCE_PATH_STYLE: Flag,
  })
  .refine(
    (env) => {
      const set = [env.S3_ENDPOINT, env.S3_BUCKET, env.S3_ACCESS_KEY_ID, env.S3_SECRET_ACCESS_KEY].filter(Boolean).length;
      return set === 0 || set === 4;
    },
    { error: "Set all of S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or none (snapshots then stay in PostgreSQL)" },
  );

export type ArchiveEnv = {
  archiveOrg: boolean;
  respectRobots: boolean;
  maxBytes: number;
  timeoutMs: number;
  s3: { endpoint: string; bucket: string; accessKeyId: string; secretAccessKey: string; region: string; forcePathStyle: boolean } | null;
};

export function archiveEnv(): ArchiveEnv {
  const parsed = ArchiveEnvSchema.safeParse(process.env);
  if (!parsed.success) throw new Error(`Invalid environment: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
  const env = parsed.data;
  return {
    archiveOrg: env.ARCHIVE_ORG,
    respectRobots: env.ARCHIVE_RESPECT_ROBOTS,
    maxBytes: env.ARCHIVE_MAX_BYTES,
    timeoutMs: env.ARCHIVE_TIMEOUT_MS,
    s3:
      env.S3_ENDPOINT && env.S3_BUCKET && env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
        ? {
            endpoint: env.S3_ENDPOINT,
            bucket: env.S3_BUCKET,
            accessKeyId: env.S3_ACCESS_KEY_ID,
            secretAccessKey: env.S3_SECRET_ACCESS_KEY,
            region: env.S3_REGION,
            forcePathStyle: env.S3_FORCE_PATH_STYLE,
          }
        : null,
  };
}
