-- CreateTable
CREATE TABLE "Source" (
    "id" SERIAL NOT NULL,
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
    "lastFetchAt" TIMESTAMP(3),
    "lastSuccessAt" TIMESTAMP(3),
    "lastError" TEXT,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "nextFetchAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" SERIAL NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "missionId" INTEGER NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "classification" TEXT NOT NULL,
    "suggestedStatus" TEXT NOT NULL,
    "until" TIMESTAMP(3),
    "untilPhrase" TEXT,
    "title" TEXT NOT NULL,
    "excerpt" TEXT NOT NULL,
    "triggerPhrase" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "confidence" DOUBLE PRECISION NOT NULL,
    "diff" TEXT,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "dismissReason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decidedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Source_hostCode_idx" ON "Source"("hostCode");

-- CreateIndex
CREATE UNIQUE INDEX "Proposal_dedupeKey_key" ON "Proposal"("dedupeKey");

-- CreateIndex
CREATE INDEX "Proposal_state_missionId_idx" ON "Proposal"("state", "missionId");

-- CreateIndex
CREATE INDEX "Proposal_sourceId_idx" ON "Proposal"("sourceId");

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

