-- Folded sort keys (decision 027). SQLite compares TEXT by bytes (code points), as wanted.
ALTER TABLE "Mission" ADD COLUMN "sendingKey" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Mission" ADD COLUMN "hostKey" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Mission" ADD COLUMN "cityKey" TEXT NOT NULL DEFAULT '';

-- An empty searchText marks a row whose folded columns are still to be computed: a migration
-- cannot run the folding (lib/text/fold.ts), so `npm run db:setup` fills them (lib/missions/search-text.ts).
UPDATE "Mission" SET "searchText" = '';

-- CreateIndex
CREATE INDEX "Mission_hostCode_cityKey_idx" ON "Mission"("hostCode", "cityKey");

-- CreateIndex
CREATE INDEX "Mission_sendingKey_cityKey_id_idx" ON "Mission"("sendingKey", "cityKey", "id");
