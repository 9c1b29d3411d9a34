-- CreateEnum
CREATE TYPE "ApiTokenScope" AS ENUM ('read', 'editor', 'fact_checker');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AuditAction" ADD VALUE 'api_token_created';
ALTER TYPE "AuditAction" ADD VALUE 'api_token_revoked';

-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN     "apiTokenId" UUID;

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "scope" "ApiTokenScope" NOT NULL,
    "prefix" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_secretHash_key" ON "api_tokens"("secretHash");

-- CreateIndex
CREATE INDEX "api_tokens_createdById_idx" ON "api_tokens"("createdById");

-- CreateIndex
CREATE INDEX "api_tokens_revokedById_idx" ON "api_tokens"("revokedById");

-- CreateIndex
CREATE INDEX "audit_events_apiTokenId_idx" ON "audit_events"("apiTokenId");

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_apiTokenId_fkey" FOREIGN KEY ("apiTokenId") REFERENCES "api_tokens"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Added by hand: a revocation names who revoked, and a name is never blank.
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_revoked_by_check" CHECK (("revokedAt" IS NULL) = ("revokedById" IS NULL));
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_name_check" CHECK (length(btrim("name")) > 0);
