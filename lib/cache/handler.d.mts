// Types for lib/cache/handler.mjs, which is JavaScript because Next loads it outside TypeScript.
import type { CacheHandler } from "@fortedigital/nextjs-cache-handler";

declare const handler: typeof CacheHandler;
export default handler;
