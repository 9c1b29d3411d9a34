-- AlterTable
ALTER TABLE "claims" ADD COLUMN     "searchVector" tsvector;

-- CreateIndex
CREATE INDEX "claims_search_idx" ON "claims" USING GIN ("searchVector");


-- ============================================================================================
-- Written by hand: keep the search document current.
-- ============================================================================================

CREATE FUNCTION "claim_search_vector"(claim_id UUID, statement TEXT, context TEXT) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('english', statement), 'A')
      || setweight(to_tsvector('english', context), 'B')
      || setweight(to_tsvector('english', coalesce((
           SELECT string_agg(e."headline" || ' ' || e."quote", ' ')
             FROM "evidence" e
            WHERE e."claimId" = claim_id AND e."removedAt" IS NULL), '')), 'C')
$$;

CREATE FUNCTION "claims_refresh_search_vector"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := "claim_search_vector"(NEW."id", NEW."statement", NEW."context");
  RETURN NEW;
END $$;
CREATE TRIGGER "claims_search_vector" BEFORE INSERT OR UPDATE OF "statement", "context"
  ON "claims" FOR EACH ROW EXECUTE FUNCTION "claims_refresh_search_vector"();

-- Evidence changes re-index their claim (touching the statement fires the trigger above).
CREATE FUNCTION "evidence_refresh_claim_search"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE "claims" SET "statement" = "statement" WHERE "id" = OLD."claimId";
  END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW."claimId" IS DISTINCT FROM OLD."claimId") THEN
    UPDATE "claims" SET "statement" = "statement" WHERE "id" = NEW."claimId";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "evidence_claim_search" AFTER INSERT OR DELETE OR UPDATE OF "headline", "quote", "removedAt", "claimId"
  ON "evidence" FOR EACH ROW EXECUTE FUNCTION "evidence_refresh_claim_search"();

UPDATE "claims" SET "statement" = "statement";
