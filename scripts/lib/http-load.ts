// HTTP load for the benchmarks: one autocannon run against a URL, with its latency percentiles
// taken from every 2xx response (to the microsecond, where autocannon's own histogram keeps whole
// milliseconds), and the CPU that the server processes spent per response; and an open-loop run
// at a fixed rate.
import http from "node:http";
import autocannon from "autocannon";
import { percentile, processTreeCpuMs } from "./bench.ts";

export type LoadOptions = {
  connections: number;
  /** Seconds. */
  duration: number;
  /** Processes whose CPU time per response to report, by label (for example the app and PostgreSQL). */
  processes?: Record<string, number>;
};

export type LoadResult = {
  requestsPerSecond: number;
  /** Every response, whatever its status. */
  responses: number;
  p50: number;
  p99: number;
  /** Connection errors, timeouts and responses other than 2xx. */
  errors: number;
  bytesPerResponse: number;
  /** CPU milliseconds per response, by the labels of `processes`; null without /proc. */
  cpuMsPerResponse: Record<string, number | null>;
};

export async function load(url: string, options: LoadOptions): Promise<LoadResult> {
  const processes = Object.entries(options.processes ?? {});
  const cpuBefore = processes.map(([, pid]) => processTreeCpuMs(pid));
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: options.connections,
        duration: options.duration,
      },
      (error: unknown, done: autocannon.Result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
  const cpuAfter = processes.map(([, pid]) => processTreeCpuMs(pid));
  const responses = result.requests.total;
  return {
    requestsPerSecond: responses / result.duration,
    responses,
    p50: latencies.length ? percentile(latencies, 0.5) : Number.NaN,
    p99: latencies.length ? percentile(latencies, 0.99) : Number.NaN,
    errors: result.errors + result.non2xx,
    bytesPerResponse: responses ? (result.throughput.total ?? 0) / responses : 0,
    cpuMsPerResponse: Object.fromEntries(
      processes.map(([label], index) => {
        const before = cpuBefore[index];
        const after = cpuAfter[index];
        return [label, before == null || after == null || !responses ? null : (after - before) / responses];
      }),
    ),
  };
}

export type RawResponse = { status: number; headers: [string, string][]; body: Buffer };

/**
 * One GET as autocannon sends it (no Accept-Encoding, so the body comes uncompressed), with the
 * response's headers in order and its body as bytes.
 */
export function getRaw(url: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.once("error", reject);
      response.once("end", () => {
        const headers: [string, string][] = [];
        for (let index = 0; index < response.rawHeaders.length; index += 2) {
          headers.push([response.rawHeaders[index]!, response.rawHeaders[index + 1]!]);
        }
        resolve({ status: response.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
      });
    });
    request.once("error", reject);
  });
}

/** Resolves when `url` answers 2xx; fails after `timeoutMs` or when `gaveUp()` says the server is gone. */
export async function waitForHttp(url: string, timeoutMs: number, gaveUp: () => string | null = () => null): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reason = gaveUp();
    if (reason) throw new Error(reason);
    try {
      const response = await getRaw(url);
      if (response.status >= 200 && response.status < 300) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export type RateOptions = {
  /** Requests per second, sent at even intervals whether or not earlier ones were answered. */
  rate: number;
  /** Seconds of sending. */
  duration: number;
  /** Keep-alive connections at most; a request waits for a free one. */
  connections: number;
  processes?: Record<string, number>;
};

export type RateResult = {
  asked: number;
  /** 2xx responses. */
  answered: number;
  /** Latency from each request's scheduled time (so time spent waiting behind slow answers counts). */
  p50: number;
  p99: number;
  /** Failed requests, answers other than 2xx, and requests still unanswered 10 s after the last was sent. */
  errors: number;
  cpuMsPerResponse: Record<string, number | null>;
};

/**
 * An open-loop run at a fixed rate. autocannon's overallRate is a budget per connection refilled
 * every second: each connection sends its share back to back at the start of the second, so the
 * server sees bursts, not an even rate; and a connection waiting on a slow answer simply sends less.
 * Here request i is due at start + i / rate, and its latency counts from then.
 */
export async function loadAtRate(url: string, options: RateOptions): Promise<RateResult> {
  const processes = Object.entries(options.processes ?? {});
  const cpuBefore = processes.map(([, pid]) => processTreeCpuMs(pid));
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const asked = Math.round(options.rate * options.duration);
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const requests: Promise<void>[] = [];
  const inFlight = new Set<http.ClientRequest>();
  for (let index = 0; index < asked; index += 1) {
    const due = start + (index * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    requests.push(
      new Promise<void>((resolve) => {
        const request = http.get(url, { agent }, (response) => {
          response.resume();
          response.once("end", () => {
            inFlight.delete(request);
            if (response.statusCode && response.statusCode >= 200 && response.statusCode < 300) latencies.push(performance.now() - due);
            else errors += 1;
            resolve();
          });
          response.once("error", () => {
            errors += 1;
            resolve();
          });
        });
        request.once("error", () => {
          inFlight.delete(request);
          errors += 1;
          resolve();
        });
        inFlight.add(request);
      }),
    );
  }
  const settled = Promise.all(requests).then(() => true);
  const gaveUp = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000).unref());
  const allSettled = await Promise.race([settled, gaveUp]);
  const cpuAfter = processes.map(([, pid]) => processTreeCpuMs(pid));
  const answered = [...latencies];
  const failed = allSettled ? errors : asked - answered.length;
  for (const request of inFlight) request.destroy();
  agent.destroy();
  const responses = answered.length;
  return {
    asked,
    answered: responses,
    p50: responses ? percentile(answered, 0.5) : Number.NaN,
    p99: responses ? percentile(answered, 0.99) : Number.NaN,
    errors: failed,
    cpuMsPerResponse: Object.fromEntries(
      processes.map(([label], index) => {
        const before = cpuBefore[index];
        const after = cpuAfter[index];
        return [label, before == null || after == null || !responses ? null : (after - before) / responses];
      }),
    ),
  };
}
