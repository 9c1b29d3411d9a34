-- CreateEnum
CREATE TYPE "SnapshotStorage" AS ENUM ('database', 's3');

-- CreateEnum
CREATE TYPE "LinkChange" AS ENUM ('unchanged', 'status_changed', 'redirected_to_home', 'content_changed', 'unreachable');

-- CreateTable
CREATE TABLE "evidence_snapshots" (
    "id" UUID NOT NULL,
    "evidenceId" UUID NOT NULL,
    "requestedUrl" TEXT NOT NULL,
    "finalUrl" TEXT,
    "status" INTEGER,
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "contentType" TEXT,
    "html" BYTEA,
    "htmlBytes" INTEGER NOT NULL DEFAULT 0,
    "htmlTruncated" BOOLEAN NOT NULL DEFAULT false,
    "text" TEXT,
    "htmlSha256" TEXT,
    "textSha256" TEXT,
    "storage" "SnapshotStorage" NOT NULL DEFAULT 'database',
    "htmlKey" TEXT,
    "textKey" TEXT,
    "error" TEXT,
    "archiveOrgUrl" TEXT,

    CONSTRAINT "evidence_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence_link_checks" (
    "id" UUID NOT NULL,
    "evidenceId" UUID NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" INTEGER,
    "finalUrl" TEXT,
    "textSha256" TEXT,
    "change" "LinkChange" NOT NULL,
    "error" TEXT,
    "snapshotId" UUID,

    CONSTRAINT "evidence_link_checks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "evidence_snapshots_evidenceId_fetchedAt_idx" ON "evidence_snapshots"("evidenceId", "fetchedAt");

-- CreateIndex
CREATE INDEX "evidence_link_checks_evidenceId_checkedAt_idx" ON "evidence_link_checks"("evidenceId", "checkedAt");

-- CreateIndex
CREATE INDEX "evidence_link_checks_snapshotId_idx" ON "evidence_link_checks"("snapshotId");

-- AddForeignKey
ALTER TABLE "evidence_snapshots" ADD CONSTRAINT "evidence_snapshots_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_link_checks" ADD CONSTRAINT "evidence_link_checks_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_link_checks" ADD CONSTRAINT "evidence_link_checks_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "evidence_snapshots"("id") ON DELETE SET NULL ON UPDATE CASCADE;

