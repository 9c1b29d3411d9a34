-- Type-to-search for people, organisations and outlets on the desk (lib/entities/search.ts):
-- a trigram index on the names of the entities a picker can offer. Merged duplicates are never
-- offered, so the index leaves them out. Written by hand: Prisma cannot express a partial index,
-- so tests/integration/drift.test.ts leaves partial indexes out of its comparison and
-- tests/integration/entity-search.test.ts checks that this one exists and is used.
CREATE INDEX "entities_name_trgm_idx" ON "entities" USING GIN ("name" gin_trgm_ops) WHERE "mergedIntoId" IS NULL;
