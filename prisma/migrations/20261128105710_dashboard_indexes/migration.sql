-- CreateIndex
CREATE INDEX "claims_status_publication_idx" ON "claims"("status", "publication");

-- CreateIndex
CREATE INDEX "evidence_createdAt_idx" ON "evidence"("createdAt");

-- CreateIndex
CREATE INDEX "status_transitions_sequence_createdAt_idx" ON "status_transitions"("sequence", "createdAt");

