// The baselines of the reader-page benchmark (scripts/bench.ts), each in a process of its own like
// the app, so that the load generator never shares their event loop:
//   - "static": a bare node:http server answering each page with the bytes and headers the app sent
//     for it (the limit for a page served from a cache);
//   - "sql": the same, but it first runs, on each request, the SQL statements the app ran for that
//     page, with the same parameters, one after another on one pooled connection (the limit for a
//     page rendered per request).
//
// Usage: node --import tsx scripts/bench-baseline.ts <config.json>   (written by scripts/bench.ts)
import { readFileSync } from "node:fs";
import http from "node:http";
import pg from "pg";

export type BaselineConfig = {
  mode: "static" | "sql";
  port: number;
  databaseUrl?: string;
  /** Connections in the pool: the app's Prisma pool size. */
  poolSize?: number;
  pages: {
    path: string;
    status: number;
    headers: [string, string][];
    bodyBase64: string;
    statements?: { text: string; values: (string | null)[] }[];
  }[];
};

const config = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as BaselineConfig;
const pool = config.mode === "sql" ? new pg.Pool({ connectionString: config.databaseUrl, max: config.poolSize ?? 10 }) : null;
pool?.on("error", () => {}); // the database stops under it at the end

const pages = new Map(
  config.pages.map((page) => {
    const body = Buffer.from(page.bodyBase64, "base64");
    // Every header the app sent, less those that describe this one connection or message.
    const headers = page.headers.filter(([name]) => !/^(date|connection|keep-alive|transfer-encoding|content-length)$/i.test(name));
    headers.push(["Content-Length", String(body.length)]);
    return [page.path, { ...page, body, headers: headers.flat() }];
  }),
);

const server = http.createServer((req, res) => {
  const page = pages.get(req.url ?? "");
  if (!page) {
    res.writeHead(404).end();
    return;
  }
  const send = () => res.writeHead(page.status, page.headers).end(page.body);
  if (!pool || !page.statements?.length) {
    send();
    return;
  }
  void (async () => {
    const client = await pool.connect();
    try {
      for (const statement of page.statements!) await client.query(statement.text, statement.values);
    } finally {
      client.release();
    }
  })().then(send, (error: unknown) => {
    console.error(`bench-baseline: ${(error as Error).message}`);
    res.writeHead(500).end();
  });
});

server.listen(config.port, "127.0.0.1", () => console.log(`listening on ${config.port}`));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    void pool?.end().finally(() => process.exit(0));
    if (!pool) process.exit(0);
  });
}
