-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('editor', 'fact_checker', 'admin');

-- CreateEnum
CREATE TYPE "VerificationStatus" AS ENUM ('unverified', 'corroborated', 'disputed', 'confirmed', 'false', 'retracted');

-- CreateEnum
CREATE TYPE "PublicationState" AS ENUM ('draft', 'published');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('day', 'approximate', 'month', 'year');

-- CreateEnum
CREATE TYPE "EntityKind" AS ENUM ('person', 'organisation');

-- CreateEnum
CREATE TYPE "Sourcing" AS ENUM ('on_record', 'anonymous', 'document');

-- CreateEnum
CREATE TYPE "Stance" AS ENUM ('reports', 'confirms', 'denies', 'disputes', 'declines_to_comment', 'context');

-- CreateEnum
CREATE TYPE "Derivation" AS ENUM ('republishes', 'cites');

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" "Role" NOT NULL,
    "deactivatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "password" TEXT,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "idToken" TEXT,
    "accessTokenExpiresAt" TIMESTAMP(3),
    "refreshTokenExpiresAt" TIMESTAMP(3),
    "scope" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verifications" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "verifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "entities" (
    "id" UUID NOT NULL,
    "kind" "EntityKind" NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "affiliationId" UUID,
    "domain" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "entities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claims" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "context" TEXT NOT NULL DEFAULT '',
    "eventDate" DATE,
    "eventDatePrecision" "DatePrecision" NOT NULL DEFAULT 'day',
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "VerificationStatus" NOT NULL DEFAULT 'unverified',
    "publication" "PublicationState" NOT NULL DEFAULT 'draft',
    "publishedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "claims_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claim_entities" (
    "claimId" UUID NOT NULL,
    "entityId" UUID NOT NULL,

    CONSTRAINT "claim_entities_pkey" PRIMARY KEY ("claimId","entityId")
);

-- CreateTable
CREATE TABLE "evidence" (
    "id" UUID NOT NULL,
    "claimId" UUID NOT NULL,
    "outletId" UUID,
    "url" TEXT NOT NULL,
    "headline" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "speakerId" UUID,
    "speakerDescription" TEXT,
    "sourcing" "Sourcing" NOT NULL,
    "quote" TEXT NOT NULL DEFAULT '',
    "stance" "Stance" NOT NULL,
    "derivedFromId" UUID,
    "derivation" "Derivation",
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "removedAt" TIMESTAMP(3),
    "removedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "status_transitions" (
    "id" UUID NOT NULL,
    "claimId" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "fromStatus" "VerificationStatus",
    "toStatus" "VerificationStatus" NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorRole" "Role" NOT NULL,
    "rationale" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "status_transitions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "transition_evidence" (
    "transitionId" UUID NOT NULL,
    "evidenceId" UUID NOT NULL,

    CONSTRAINT "transition_evidence_pkey" PRIMARY KEY ("transitionId","evidenceId")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_token_key" ON "sessions"("token");

-- CreateIndex
CREATE INDEX "sessions_userId_idx" ON "sessions"("userId");

-- CreateIndex
CREATE INDEX "accounts_userId_idx" ON "accounts"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "accounts_providerId_accountId_key" ON "accounts"("providerId", "accountId");

-- CreateIndex
CREATE INDEX "verifications_identifier_idx" ON "verifications"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "entities_domain_key" ON "entities"("domain");

-- CreateIndex
CREATE INDEX "entities_name_idx" ON "entities"("name");

-- CreateIndex
CREATE UNIQUE INDEX "claims_slug_key" ON "claims"("slug");

-- CreateIndex
CREATE INDEX "claims_status_updatedAt_idx" ON "claims"("status", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "claims_publication_updatedAt_idx" ON "claims"("publication", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "claims_tags_idx" ON "claims" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "claim_entities_entityId_idx" ON "claim_entities"("entityId");

-- CreateIndex
CREATE INDEX "evidence_claimId_stance_idx" ON "evidence"("claimId", "stance");

-- CreateIndex
CREATE INDEX "evidence_outletId_idx" ON "evidence"("outletId");

-- CreateIndex
CREATE INDEX "evidence_speakerId_idx" ON "evidence"("speakerId");

-- CreateIndex
CREATE INDEX "evidence_derivedFromId_idx" ON "evidence"("derivedFromId");

-- CreateIndex
CREATE INDEX "status_transitions_createdAt_idx" ON "status_transitions"("createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "status_transitions_claimId_sequence_key" ON "status_transitions"("claimId", "sequence");

-- CreateIndex
CREATE INDEX "transition_evidence_evidenceId_idx" ON "transition_evidence"("evidenceId");

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entities" ADD CONSTRAINT "entities_affiliationId_fkey" FOREIGN KEY ("affiliationId") REFERENCES "entities"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_entities" ADD CONSTRAINT "claim_entities_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_entities" ADD CONSTRAINT "claim_entities_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "entities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_outletId_fkey" FOREIGN KEY ("outletId") REFERENCES "entities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "entities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_derivedFromId_fkey" FOREIGN KEY ("derivedFromId") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_removedById_fkey" FOREIGN KEY ("removedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_transitions" ADD CONSTRAINT "status_transitions_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_transitions" ADD CONSTRAINT "status_transitions_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transition_evidence" ADD CONSTRAINT "transition_evidence_transitionId_fkey" FOREIGN KEY ("transitionId") REFERENCES "status_transitions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transition_evidence" ADD CONSTRAINT "transition_evidence_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ============================================================================================
-- Rules the database enforces that schema.prisma cannot express (written by hand).
-- ============================================================================================

-- Plain-data checks. Empty text is as useless as a missing value for these fields.
ALTER TABLE "claims" ADD CONSTRAINT "claims_statement_not_blank" CHECK (btrim("statement") <> '');
ALTER TABLE "claims" ADD CONSTRAINT "claims_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
ALTER TABLE "claims" ADD CONSTRAINT "claims_version_positive" CHECK ("version" >= 1);
ALTER TABLE "claims" ADD CONSTRAINT "claims_published_has_time"
  CHECK ("publication" = 'draft' OR "publishedAt" IS NOT NULL);
ALTER TABLE "entities" ADD CONSTRAINT "entities_name_not_blank" CHECK (btrim("name") <> '');
ALTER TABLE "entities" ADD CONSTRAINT "entities_domain_lowercase" CHECK ("domain" = lower("domain"));
ALTER TABLE "entities" ADD CONSTRAINT "entities_not_own_affiliate" CHECK ("affiliationId" <> "id");
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_url_http" CHECK ("url" ~* '^https?://');
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_headline_not_blank" CHECK (btrim("headline") <> '');
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_derivation_pairs"
  CHECK (("derivedFromId" IS NULL) = ("derivation" IS NULL));
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_not_derived_from_itself" CHECK ("derivedFromId" <> "id");
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_one_kind_of_speaker"
  CHECK ("speakerId" IS NULL OR "speakerDescription" IS NULL);
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_removal_pairs"
  CHECK (("removedAt" IS NULL) = ("removedById" IS NULL));
ALTER TABLE "status_transitions" ADD CONSTRAINT "status_transitions_rationale_not_blank"
  CHECK (btrim("rationale") <> '');
ALTER TABLE "status_transitions" ADD CONSTRAINT "status_transitions_moves"
  CHECK ("fromStatus" IS DISTINCT FROM "toStatus");

-- Evidence may only republish or cite evidence of the same claim.
CREATE FUNCTION "evidence_derived_from_same_claim"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."derivedFromId" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "evidence" WHERE "id" = NEW."derivedFromId" AND "claimId" = NEW."claimId"
  ) THEN
    RAISE EXCEPTION 'evidence % may only republish or cite evidence of the same claim', NEW."id"
      USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "evidence_derived_from_same_claim" BEFORE INSERT OR UPDATE OF "derivedFromId", "claimId"
  ON "evidence" FOR EACH ROW EXECUTE FUNCTION "evidence_derived_from_same_claim"();

-- Status history is append-only: nobody, the application included, may rewrite or erase it.
-- (Only a superuser can bypass this, with session_replication_role = replica; the test suite's
-- reset does that on its own throw-away database.)
CREATE FUNCTION "refuse_history_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = '55000', HINT = 'Record a new status transition instead.';
END $$;
CREATE TRIGGER "status_transitions_append_only" BEFORE UPDATE OR DELETE
  ON "status_transitions" FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "status_transitions_no_truncate" BEFORE TRUNCATE
  ON "status_transitions" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "transition_evidence_append_only" BEFORE UPDATE OR DELETE
  ON "transition_evidence" FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "transition_evidence_no_truncate" BEFORE TRUNCATE
  ON "transition_evidence" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();

-- A claim's transitions form one unbroken chain: sequence 1, 2, 3… and each move starts from the
-- status the previous one ended in. Two concurrent moves from the same state cannot both land:
-- they compute the same sequence and the unique index refuses the second.
CREATE FUNCTION "status_transition_continues_chain"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  previous RECORD;
BEGIN
  SELECT "sequence", "toStatus" INTO previous FROM "status_transitions"
    WHERE "claimId" = NEW."claimId" ORDER BY "sequence" DESC LIMIT 1;
  IF NOT FOUND THEN
    IF NEW."sequence" <> 1 OR NEW."fromStatus" IS NOT NULL THEN
      RAISE EXCEPTION 'the first status transition of claim % must have sequence 1 and no from-status', NEW."claimId"
        USING ERRCODE = '23514';
    END IF;
  ELSIF NEW."sequence" <> previous."sequence" + 1 OR NEW."fromStatus" IS DISTINCT FROM previous."toStatus" THEN
    RAISE EXCEPTION 'status transition of claim % must follow transition % (from %)',
      NEW."claimId", previous."sequence", previous."toStatus"
      USING ERRCODE = '40001', HINT = 'The claim changed since it was read; reload and try again.';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "status_transitions_continue_chain" BEFORE INSERT
  ON "status_transitions" FOR EACH ROW EXECUTE FUNCTION "status_transition_continues_chain"();

-- A transition may only cite evidence of its own claim.
CREATE FUNCTION "transition_cites_own_evidence"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM "status_transitions" t JOIN "evidence" e ON e."claimId" = t."claimId"
    WHERE t."id" = NEW."transitionId" AND e."id" = NEW."evidenceId"
  ) THEN
    RAISE EXCEPTION 'a status transition may only cite evidence of its own claim' USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "transition_evidence_same_claim" BEFORE INSERT
  ON "transition_evidence" FOR EACH ROW EXECUTE FUNCTION "transition_cites_own_evidence"();

-- A claim's status always equals the to-status of its latest transition. Checked at commit, so a
-- transaction can write the claim and its transition in either order.
CREATE FUNCTION "claim_status_matches_history"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target UUID;
  current_status "VerificationStatus";
  latest_status "VerificationStatus";
BEGIN
  IF TG_TABLE_NAME = 'claims' THEN
    target := NEW."id";
  ELSE
    target := NEW."claimId";
  END IF;
  SELECT "status" INTO current_status FROM "claims" WHERE "id" = target;
  SELECT "toStatus" INTO latest_status FROM "status_transitions"
    WHERE "claimId" = target ORDER BY "sequence" DESC LIMIT 1;
  IF current_status IS DISTINCT FROM latest_status THEN
    RAISE EXCEPTION 'claim % has status % but its latest transition ends in %', target, current_status, latest_status
      USING ERRCODE = '23514', HINT = 'Change a claim''s status only by recording a status transition.';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "claims_status_matches_history" AFTER INSERT OR UPDATE OF "status"
  ON "claims" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "claim_status_matches_history"();
CREATE CONSTRAINT TRIGGER "status_transitions_match_claim" AFTER INSERT
  ON "status_transitions" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "claim_status_matches_history"();
