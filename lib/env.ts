// The only module that reads process.env for the application. Parsed lazily: `next build` runs
// without a database, so nothing may demand DATABASE_URL until a request needs it.
import { z } from "zod";

const ServerEnvSchema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set (npm start and npm run dev set it for you)" })
    .regex(/^postgres(ql)?:\/\//, { error: "DATABASE_URL must be a postgres:// or postgresql:// URL" }),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
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
