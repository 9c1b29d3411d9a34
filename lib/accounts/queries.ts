import "server-only";
import { db } from "@/lib/db";

export async function listAccounts() {
  return db().user.findMany({
    orderBy: [{ deactivatedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      deactivatedAt: true,
      createdAt: true,
      _count: { select: { accounts: true, sessions: true } },
    },
  });
}

export type AccountListItem = Awaited<ReturnType<typeof listAccounts>>[number];
