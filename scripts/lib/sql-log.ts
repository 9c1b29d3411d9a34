// Records the SQL statements that reach PostgreSQL while something happens (one page request), from
// PostgreSQL's own statement log: the text and the bind parameters exactly as the server received
// them, whatever the app's driver or ORM does. Used by the reader-page benchmark (scripts/bench.ts)
// to count the statements per page and to replay them in its SQL-only baseline.
//
// The server writes its log as JSON lines through its logging collector (one record per message,
// the parameters in the same record), and statement logging is switched on only around a capture.
import { existsSync } from "node:fs";
import { open } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

export type LoggedStatement = { text: string; values: (string | null)[]; durationMs: number };

/** Server settings for startEmbeddedPostgres that make a capture possible (logging stays quiet). */
export function statementLogSettings(dataDir: string): Record<string, string> {
  return {
    logging_collector: "on",
    log_destination: "jsonlog",
    log_directory: path.join(dataDir, "log"),
    // jsonlog swaps the .log for .json: the file is statements.json.
    log_filename: "statements.log",
    log_rotation_age: "0",
    log_rotation_size: "0",
  };
}

const CONTROL_APPLICATION = "claimtrail-sql-log";
// "duration: 0.123 ms  execute <unnamed>: SELECT …" (extended protocol; parse and bind have their
// own records, skipped) or "duration: 0.1 ms  statement: BEGIN" (simple protocol).
const EXECUTED = /^duration: ([\d.]+) ms {2}(?:execute [^:]*|statement): ([\s\S]*)$/;

export class StatementLog {
  private constructor(
    private readonly control: pg.Client,
    private readonly file: string,
  ) {}

  /** `url`: a superuser connection to the server started with statementLogSettings(dataDir). */
  static async open(url: string, dataDir: string): Promise<StatementLog> {
    const control = new pg.Client({ connectionString: url, application_name: CONTROL_APPLICATION });
    control.on("error", () => {}); // the server stops under it at the end
    await control.connect();
    return new StatementLog(control, path.join(dataDir, "log", "statements.json"));
  }

  /**
   * The statements that other connections ran while `action` ran, in the order the server logged
   * them (the order they finished). Marker statements from this log's own connection bracket the
   * capture, so nothing from before or after is counted.
   */
  async capture(action: () => Promise<void>): Promise<LoggedStatement[]> {
    await this.setLogging(true);
    try {
      const id = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
      const start = await this.mark(`start ${id}`, 0);
      await action();
      const end = await this.mark(`end ${id}`, start.next);
      return parseRecords(end.before.slice(start.next));
    } finally {
      await this.setLogging(false);
    }
  }

  async close(): Promise<void> {
    await this.control.end().catch(() => {});
  }

  private async setLogging(on: boolean): Promise<void> {
    if (on) {
      await this.control.query("ALTER SYSTEM SET log_min_duration_statement = 0");
      await this.control.query("ALTER SYSTEM SET log_parameter_max_length = -1");
    } else {
      await this.control.query("ALTER SYSTEM RESET log_min_duration_statement");
      await this.control.query("ALTER SYSTEM RESET log_parameter_max_length");
    }
    await this.control.query("SELECT pg_reload_conf()");
    // Every backend rereads the configuration before its next statement once the postmaster has
    // passed the reload on; give that a moment, then check it on this connection.
    const deadline = Date.now() + 10_000;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const { rows } = await this.control.query<{ value: string }>("SELECT current_setting('log_min_duration_statement') AS value");
      if ((rows[0]!.value === "0") === on) break;
      if (Date.now() > deadline) throw new Error("PostgreSQL did not apply the statement-log setting.");
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  /** Runs a marker statement and waits until the log holds it; returns the log's text up to the marker and where the text after it starts. */
  private async mark(label: string, from: number): Promise<{ before: string; next: number }> {
    const marker = `claimtrail-sql-log marker ${label}`;
    await this.control.query("SELECT $1::text", [marker]);
    const deadline = Date.now() + 10_000;
    for (;;) {
      const text = await readLog(this.file);
      const at = text.indexOf(marker, from);
      if (at >= 0) {
        const lineStart = text.lastIndexOf("\n", at) + 1;
        const lineEnd = text.indexOf("\n", at);
        return { before: text.slice(0, lineStart), next: lineEnd < 0 ? text.length : lineEnd + 1 };
      }
      if (Date.now() > deadline) throw new Error(`PostgreSQL's statement log (${this.file}) never showed the marker "${marker}".`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

async function readLog(file: string): Promise<string> {
  if (!existsSync(file)) return "";
  const handle = await open(file, "r");
  try {
    return (await handle.readFile()).toString("utf8");
  } finally {
    await handle.close();
  }
}

type JsonLogRecord = { message?: string; detail?: string; application_name?: string; backend_type?: string };

function parseRecords(text: string): LoggedStatement[] {
  const statements: LoggedStatement[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as JsonLogRecord;
    if (record.backend_type !== "client backend" || record.application_name === CONTROL_APPLICATION) continue;
    const match = EXECUTED.exec(record.message ?? "");
    if (!match) continue;
    statements.push({ text: match[2]!, values: parseParameters(record.detail), durationMs: Number(match[1]) });
  }
  return statements;
}

/** "Parameters: $1 = 'it''s', $2 = NULL" → ["it's", null] (PostgreSQL quotes every value it logs). */
export function parseParameters(detail: string | undefined): (string | null)[] {
  const values: (string | null)[] = [];
  if (!detail?.startsWith("Parameters: ")) return values;
  const parameter = /\$(\d+) = (?:NULL|'((?:[^']|'')*)')(?:, |$)/y;
  let position = "Parameters: ".length;
  parameter.lastIndex = position;
  for (let match = parameter.exec(detail); match; match = parameter.exec(detail)) {
    values[Number(match[1]) - 1] = match[2] === undefined ? null : match[2].replaceAll("''", "'");
    position = parameter.lastIndex;
  }
  if (position < detail.length) throw new Error(`Could not read the logged parameters: ${detail.slice(0, 200)}`);
  return values;
}
