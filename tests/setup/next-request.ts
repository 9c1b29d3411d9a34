// Server actions read the request through next/headers. In integration tests there is no Next
// server, so these stand-ins hold one "browser": its cookies, sent with every call. Everything
// behind them (Better Auth, the session table, the actions, Postgres) is real.
import { vi } from "vitest";

export const browser: { cookies: Map<string, string>; address: string; clear: () => void } = {
  cookies: new Map<string, string>(),
  address: "203.0.113.7",
  clear() {
    this.cookies.clear();
  },
};

function requestHeaders(): Headers {
  // The HTTP front sets the client-address header; tests stand in for it.
  const headers = new Headers({ "x-claimtrail-client-address": browser.address, "user-agent": "vitest" });
  if (browser.cookies.size > 0) {
    headers.set("cookie", [...browser.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
  }
  return headers;
}

export const nextHeadersMock = {
  headers: async () => requestHeaders(),
  cookies: async () => ({
    get: (name: string) => (browser.cookies.has(name) ? { name, value: browser.cookies.get(name)! } : undefined),
    getAll: () => [...browser.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => browser.cookies.has(name),
    set: (name: string | { name: string; value: string; maxAge?: number }, value?: string, options?: { maxAge?: number }) => {
      const cookie = typeof name === "string" ? { name, value: value ?? "", maxAge: options?.maxAge } : name;
      if (cookie.maxAge === 0 || cookie.value === "") browser.cookies.delete(cookie.name);
      else browser.cookies.set(cookie.name, cookie.value);
    },
    delete: (name: string) => browser.cookies.delete(name),
  }),
};

export const nextCacheMock = {
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
  updateTag: vi.fn(),
  refresh: vi.fn(),
  // The data cache is Next's own, and these tests call pages and handlers outside Next: they read
  // through it (the browser tests cover the cache).
  unstable_cache: <A extends unknown[], R>(load: (...args: A) => Promise<R>) => load,
};

/** A redirect() from an action, as the URL it redirects to; null for any other outcome. */
export function redirectTarget(error: unknown): string | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest !== "string" || !digest.startsWith("NEXT_REDIRECT")) return null;
  return digest.split(";")[2] ?? null;
}

/** Runs a form action like a browser submitting a form. */
export async function submit<S>(
  action: (state: S, formData: FormData) => Promise<S>,
  fields: Record<string, string | string[]>,
  initial = { status: "idle" } as S,
): Promise<{ state?: S; redirectedTo?: string }> {
  const formData = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const entry of Array.isArray(value) ? value : [value]) formData.append(key, entry);
  }
  try {
    return { state: await action(initial, formData) };
  } catch (error) {
    const target = redirectTarget(error);
    if (target === null) throw error;
    return { redirectedTo: target };
  }
}
