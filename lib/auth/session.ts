import "server-only";
import type { Route } from "next";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getAuth, SESSION_IDLE_SECONDS } from "@/lib/auth/auth";
import { can, type Permission } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { newsroomTimeZone } from "@/lib/env";
import { isTimeZone } from "@/lib/time/zones";
import type { Role } from "@/lib/generated/prisma/enums";

export type Viewer = {
  id: string;
  name: string;
  email: string;
  role: Role;
  sessionId: string;
  /** The zone this person enters and reads times in: their own choice, else the newsroom's. */
  timeZone: string;
  /** Their own choice, or null when they follow the newsroom's zone. */
  chosenTimeZone: string | null;
};

// Writing "last used" on every request would be wasteful; a few minutes of slack is harmless.
const TOUCH_AFTER_MS = 5 * 60 * 1000;

/**
 * The signed-in newsroom member, or null for a reader. Read once per request. The account's role
 * and state come from the database on every request, so a role change or a deactivation applies
 * at once; an idle or deactivated session is ended here.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  // Read the request first: it marks the page as per-request before anything touches the database.
  const requestHeaders = await headers();
  const result = await getAuth().api.getSession({ headers: requestHeaders });
  if (!result) return null;
  const { session } = result;
  const idleMs = Date.now() - session.updatedAt.getTime();
  if (idleMs > SESSION_IDLE_SECONDS * 1000) {
    await db().session.deleteMany({ where: { id: session.id } });
    return null;
  }
  const user = await db().user.findUnique({
    where: { id: session.userId },
    select: { id: true, name: true, email: true, role: true, deactivatedAt: true, timeZone: true },
  });
  if (!user || user.deactivatedAt) {
    await db().session.deleteMany({ where: { userId: session.userId } });
    return null;
  }
  if (idleMs > TOUCH_AFTER_MS) {
    await db().session.updateMany({ where: { id: session.id }, data: { updatedAt: new Date() } });
  }
  // A zone the runtime no longer knows (tz data moves on) falls back to the newsroom's.
  const chosenTimeZone = user.timeZone && isTimeZone(user.timeZone) ? user.timeZone : null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    sessionId: session.id,
    timeZone: chosenTimeZone ?? newsroomTimeZone(),
    chosenTimeZone,
  };
});

/** For desk pages: a signed-out visitor goes to sign-in (and comes back); a wrong role gets 403. */
export async function requirePagePermission(permission: Permission, returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}` as Route);
  if (!can(viewer, permission)) forbidden();
  return viewer;
}
