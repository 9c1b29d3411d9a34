-- Trigram matching for "similar claims" (a trusted extension: the database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "AuditAction" AS ENUM ('claim_created', 'claim_updated', 'claim_published', 'claim_unpublished', 'evidence_linked', 'evidence_updated', 'evidence_removed', 'entity_created', 'entity_updated', 'entity_merged', 'user_created', 'user_role_changed', 'user_deactivated', 'user_reactivated');

-- AlterTable
ALTER TABLE "entities" ADD COLUMN     "mergedIntoId" UUID;

-- CreateTable
CREATE TABLE "audit_events" (
    "id" UUID NOT NULL,
    "action" "AuditAction" NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorRole" "Role" NOT NULL,
    "claimId" UUID,
    "evidenceId" UUID,
    "entityId" UUID,
    "subjectUserId" TEXT,
    "changes" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sign_in_attempts" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_events_claimId_createdAt_idx" ON "audit_events"("claimId", "createdAt");

-- CreateIndex
CREATE INDEX "audit_events_evidenceId_idx" ON "audit_events"("evidenceId");

-- CreateIndex
CREATE INDEX "audit_events_entityId_createdAt_idx" ON "audit_events"("entityId", "createdAt");

-- CreateIndex
CREATE INDEX "audit_events_subjectUserId_idx" ON "audit_events"("subjectUserId");

-- CreateIndex
CREATE INDEX "audit_events_actorId_idx" ON "audit_events"("actorId");

-- CreateIndex
CREATE INDEX "sign_in_attempts_key_createdAt_idx" ON "sign_in_attempts"("key", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "entities_mergedIntoId_idx" ON "entities"("mergedIntoId");

-- CreateIndex
CREATE INDEX "claims_statement_trgm_idx" ON "claims" USING GIN ("statement" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "entities" ADD CONSTRAINT "entities_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "entities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "entities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_subjectUserId_fkey" FOREIGN KEY ("subjectUserId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ============================================================================================
-- Written by hand.
-- ============================================================================================

-- Edit history is append-only, like status history.
CREATE TRIGGER "audit_events_append_only" BEFORE UPDATE OR DELETE
  ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE
  ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();

ALTER TABLE "entities" ADD CONSTRAINT "entities_not_merged_into_itself" CHECK ("mergedIntoId" <> "id");
ALTER TABLE "sign_in_attempts" ADD CONSTRAINT "sign_in_attempts_key_kind" CHECK ("key" ~ '^(account|address):');
