import { z } from "zod";

export const CheckNowSchema = z.object({
  claimId: z.uuid({ error: "This claim could not be found. Reload the page." }),
  evidenceId: z.uuid({ error: "This evidence could not be found. Reload the page." }),
});
