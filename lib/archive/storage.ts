// Where snapshot bodies live: in PostgreSQL (the default, in the snapshot's own row) or, with S3_*
// configured, in an S3-compatible store (MinIO, R2, S3) under keys named after the snapshot, with
// PostgreSQL keeping the metadata and hashes. The S3 endpoint is the administrator's configuration,
// not user input, so it is reached directly and not through the SSRF guard.
import "server-only";
import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { archiveEnv, type ArchiveEnv } from "@/lib/env";

type S3Config = NonNullable<ArchiveEnv["s3"]>;

let client: { config: S3Config; s3: S3Client } | null = null;

function s3Client(config: S3Config): S3Client {
  if (client && JSON.stringify(client.config) === JSON.stringify(config)) return client.s3;
  const s3 = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
  });
  client = { config, s3 };
  return s3;
}

export function snapshotKeys(evidenceId: string, snapshotId: string): { htmlKey: string; textKey: string } {
  return { htmlKey: `snapshots/${evidenceId}/${snapshotId}.html`, textKey: `snapshots/${evidenceId}/${snapshotId}.txt` };
}

/** The store configured now: "s3" when every S3_* variable is set. */
export function configuredStorage(): "database" | "s3" {
  return archiveEnv().s3 ? "s3" : "database";
}

export async function putObject(key: string, body: Buffer | string, contentType: string): Promise<void> {
  const config = archiveEnv().s3;
  if (!config) throw new Error("S3 is not configured");
  await s3Client(config).send(new PutObjectCommand({ Bucket: config.bucket, Key: key, Body: body, ContentType: contentType }));
}

export async function getObject(key: string): Promise<Buffer> {
  const config = archiveEnv().s3;
  if (!config) throw new Error("This snapshot is stored in S3, and S3 is not configured any more");
  const answer = await s3Client(config).send(new GetObjectCommand({ Bucket: config.bucket, Key: key }));
  if (!answer.Body) throw new Error(`S3 returned no body for ${key}`);
  return Buffer.from(await answer.Body.transformToByteArray());
}
