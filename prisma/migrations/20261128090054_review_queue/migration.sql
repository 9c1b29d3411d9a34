-- AlterTable
ALTER TABLE "claims" ADD COLUMN     "lastMovedAt" TIMESTAMP(3),
ADD COLUMN     "reviewNewEvidence" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "reviewRank" INTEGER,
ADD COLUMN     "reviewSuggestions" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "reviewWaitingSince" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "claims_reviewRank_reviewWaitingSince_idx" ON "claims"("reviewRank", "reviewWaitingSince");

-- CreateIndex
CREATE INDEX "claims_reviewNewEvidence_reviewWaitingSince_idx" ON "claims"("reviewNewEvidence", "reviewWaitingSince");

-- CreateIndex
CREATE INDEX "claims_status_reviewWaitingSince_idx" ON "claims"("status", "reviewWaitingSince");


-- Backfill (by hand). Everything but the suggestions can be derived in SQL; the suggestions need
-- lib/review/suggestions.ts, so claims logged before this migration show theirs after their next
-- change (a linked piece of evidence, a move, a dismissal) refreshes them.
UPDATE "claims" AS c SET
  "lastMovedAt" = moves.last_moved,
  "reviewWaitingSince" = COALESCE(moves.last_moved, c."createdAt"),
  "reviewNewEvidence" = (
    SELECT count(*) FROM "evidence" e
    WHERE e."claimId" = c.id AND e."removedAt" IS NULL AND e."createdAt" > moves.latest
  )
FROM (
  SELECT "claimId",
         max("createdAt") FILTER (WHERE "sequence" > 1) AS last_moved,
         max("createdAt") AS latest
  FROM "status_transitions" GROUP BY "claimId"
) AS moves
WHERE moves."claimId" = c.id;

UPDATE "claims" SET "reviewRank" = CASE
  WHEN "reviewNewEvidence" > 0 THEN 1
  WHEN "status" = 'unverified' THEN 2
END;
