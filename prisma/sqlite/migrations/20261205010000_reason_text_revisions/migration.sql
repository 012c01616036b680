-- CreateTable
CREATE TABLE "ReasonTextRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "missionId" INTEGER NOT NULL,
    "originalHash" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "isOriginal" BOOLEAN NOT NULL DEFAULT false,
    "authorName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReasonTextRevision_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ReasonTextRevision_missionId_createdAt_idx" ON "ReasonTextRevision"("missionId", "createdAt");


-- Backfill: each stored text becomes its first revision. Earlier edits were not kept, and the
-- current text counts from the row's createdAt (decision 043).
INSERT INTO "ReasonTextRevision" ("missionId", "originalHash", "language", "text", "isOriginal", "authorName", "createdAt")
SELECT "missionId", "originalHash", "language", "text", "isOriginal", "authorName", "createdAt" FROM "ReasonText" ORDER BY "id";
