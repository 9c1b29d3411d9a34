-- AlterEnum
ALTER TYPE "Stance" ADD VALUE 'retracts';

-- CreateTable
CREATE TABLE "suggestion_dismissals" (
    "id" UUID NOT NULL,
    "claimId" UUID NOT NULL,
    "suggestedStatus" "VerificationStatus" NOT NULL,
    "evidenceKey" TEXT NOT NULL,
    "dismissedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "suggestion_dismissals_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "suggestion_dismissals_dismissedById_idx" ON "suggestion_dismissals"("dismissedById");

-- CreateIndex
CREATE UNIQUE INDEX "suggestion_dismissals_claimId_suggestedStatus_evidenceKey_key" ON "suggestion_dismissals"("claimId", "suggestedStatus", "evidenceKey");

-- AddForeignKey
ALTER TABLE "suggestion_dismissals" ADD CONSTRAINT "suggestion_dismissals_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "suggestion_dismissals" ADD CONSTRAINT "suggestion_dismissals_dismissedById_fkey" FOREIGN KEY ("dismissedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

