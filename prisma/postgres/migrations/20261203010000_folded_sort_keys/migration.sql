-- Folded sort keys (decision 027), compared by code point as SQLite does: COLLATE "C".
ALTER TABLE "Mission" ADD COLUMN     "cityKey" TEXT COLLATE "C" NOT NULL DEFAULT '',
ADD COLUMN     "hostKey" TEXT COLLATE "C" NOT NULL DEFAULT '',
ADD COLUMN     "sendingKey" TEXT COLLATE "C" NOT NULL DEFAULT '';

-- An empty searchText marks a row whose folded columns are still to be computed: a migration
-- cannot run the folding (lib/text/fold.ts), so `npm run db:setup` fills them (lib/missions/search-text.ts).
UPDATE "Mission" SET "searchText" = '';

-- CreateIndex
CREATE INDEX "Mission_hostCode_cityKey_idx" ON "Mission"("hostCode", "cityKey");

-- CreateIndex
CREATE INDEX "Mission_sendingKey_cityKey_id_idx" ON "Mission"("sendingKey", "cityKey", "id");
