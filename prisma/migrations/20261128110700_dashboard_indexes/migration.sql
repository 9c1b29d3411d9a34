-- CreateIndex
CREATE INDEX "claims_status_publication_idx" ON "claims"("status", "publication");

-- CreateIndex
CREATE INDEX "evidence_createdAt_outletId_speakerId_removedAt_idx" ON "evidence"("createdAt", "outletId", "speakerId", "removedAt");

-- CreateIndex
CREATE INDEX "status_transitions_sequence_createdAt_idx" ON "status_transitions"("sequence", "createdAt");

