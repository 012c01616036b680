-- AlterTable
ALTER TABLE "StatusChange" ADD COLUMN "endsChangeId" INTEGER;
ALTER TABLE "StatusChange" ADD COLUMN "follows" TEXT;
ALTER TABLE "StatusChange" ADD COLUMN "scheduledChangeId" INTEGER;
ALTER TABLE "StatusChange" ADD COLUMN "until" DATETIME;

-- CreateTable
CREATE TABLE "ScheduledChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "missionId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "sourceUrl" TEXT,
    "sourceTitle" TEXT,
    "effectiveAt" DATETIME NOT NULL,
    "until" DATETIME,
    "follows" TEXT,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "createdById" INTEGER,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "appliedChangeId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ScheduledChange_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Job" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "queue" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "runAt" DATETIME NOT NULL,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "FreshnessPolicy" (
    "hostCode" TEXT NOT NULL PRIMARY KEY,
    "closedStaleHours" INTEGER,
    "limitedStaleHours" INTEGER,
    "openStaleHours" INTEGER,
    "inCrisis" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" INTEGER
);

-- CreateTable
CREATE TABLE "RateLimiterFlexible" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "points" INTEGER NOT NULL,
    "expire" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Mission" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "sendingCode" TEXT NOT NULL,
    "hostCode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT,
    "address" TEXT,
    "latitude" REAL,
    "longitude" REAL,
    "phone" TEXT,
    "email" TEXT,
    "website" TEXT,
    "wikidataId" TEXT,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "status" TEXT,
    "statusReason" TEXT,
    "sourceUrl" TEXT,
    "sourceTitle" TEXT,
    "statusSince" DATETIME,
    "verifiedAt" DATETIME,
    "statusSetById" INTEGER,
    "statusSetBy" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "statusUntil" DATETIME,
    "statusFollows" TEXT,
    "expectedAfter" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Mission_sendingCode_fkey" FOREIGN KEY ("sendingCode") REFERENCES "Country" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Mission_hostCode_fkey" FOREIGN KEY ("hostCode") REFERENCES "Country" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Mission" ("address", "archivedAt", "city", "createdAt", "email", "hostCode", "id", "latitude", "longitude", "name", "phone", "sendingCode", "slug", "sourceTitle", "sourceUrl", "status", "statusReason", "statusSetBy", "statusSetById", "statusSince", "timeZone", "type", "updatedAt", "verifiedAt", "version", "website", "wikidataId") SELECT "address", "archivedAt", "city", "createdAt", "email", "hostCode", "id", "latitude", "longitude", "name", "phone", "sendingCode", "slug", "sourceTitle", "sourceUrl", "status", "statusReason", "statusSetBy", "statusSetById", "statusSince", "timeZone", "type", "updatedAt", "verifiedAt", "version", "website", "wikidataId" FROM "Mission";
DROP TABLE "Mission";
ALTER TABLE "new_Mission" RENAME TO "Mission";
CREATE UNIQUE INDEX "Mission_slug_key" ON "Mission"("slug");
CREATE UNIQUE INDEX "Mission_wikidataId_key" ON "Mission"("wikidataId");
CREATE INDEX "Mission_hostCode_city_idx" ON "Mission"("hostCode", "city");
CREATE INDEX "Mission_sendingCode_idx" ON "Mission"("sendingCode");
CREATE INDEX "Mission_status_idx" ON "Mission"("status");
CREATE INDEX "Mission_statusUntil_idx" ON "Mission"("statusUntil");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ScheduledChange_state_effectiveAt_idx" ON "ScheduledChange"("state", "effectiveAt");

-- CreateIndex
CREATE INDEX "ScheduledChange_missionId_state_idx" ON "ScheduledChange"("missionId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "Job_key_key" ON "Job"("key");

-- CreateIndex
CREATE INDEX "Job_state_runAt_idx" ON "Job"("state", "runAt");

-- CreateIndex
CREATE INDEX "Job_queue_state_runAt_idx" ON "Job"("queue", "state", "runAt");

-- CreateIndex
CREATE INDEX "RateLimiterFlexible_expire_idx" ON "RateLimiterFlexible"("expire");

