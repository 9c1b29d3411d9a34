// npm run build: the production build (Next.js's, then the server's; scripts/lib/next-build.ts).
import { buildApp } from "./lib/next-build.ts";

process.exit(await buildApp());
