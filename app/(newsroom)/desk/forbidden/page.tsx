import { forbidden, unauthorized } from "next/navigation";
import { getViewer } from "@/lib/auth/session";

export const metadata = { title: "Not allowed" };

// Kept for links and bookmarks from before pages answered 403 themselves: it answers the same
// status as they do, and 401 to a signed-out visitor, who has no role to be refused.
export default async function ForbiddenPage() {
  if (!(await getViewer())) unauthorized();
  forbidden();
}
