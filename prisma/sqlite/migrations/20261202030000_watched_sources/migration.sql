-- CreateTable
CREATE TABLE "Source" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "missionIds" TEXT NOT NULL DEFAULT '[]',
    "sendingCode" TEXT,
    "hostCode" TEXT,
    "intervalMinutes" INTEGER NOT NULL DEFAULT 60,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "etag" TEXT,
    "lastModified" TEXT,
    "lastText" TEXT,
    "lastFetchAt" DATETIME,
    "lastSuccessAt" DATETIME,
    "lastError" TEXT,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "nextFetchAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sourceId" INTEGER NOT NULL,
    "missionId" INTEGER NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "classification" TEXT NOT NULL,
    "suggestedStatus" TEXT NOT NULL,
    "until" DATETIME,
    "untilPhrase" TEXT,
    "title" TEXT NOT NULL,
    "excerpt" TEXT NOT NULL,
    "triggerPhrase" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "publishedAt" DATETIME,
    "confidence" REAL NOT NULL,
    "diff" TEXT,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "dismissReason" TEXT,
    "decidedAt" DATETIME,
    "decidedById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Proposal_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Source_hostCode_idx" ON "Source"("hostCode");

-- CreateIndex
CREATE UNIQUE INDEX "Proposal_dedupeKey_key" ON "Proposal"("dedupeKey");

-- CreateIndex
CREATE INDEX "Proposal_state_missionId_idx" ON "Proposal"("state", "missionId");

-- CreateIndex
CREATE INDEX "Proposal_sourceId_idx" ON "Proposal"("sourceId");

