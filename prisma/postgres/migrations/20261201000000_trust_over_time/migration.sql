-- AlterTable
ALTER TABLE "Mission" ADD COLUMN     "expectedAfter" TEXT,
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "statusFollows" TEXT,
ADD COLUMN     "statusUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "StatusChange" ADD COLUMN     "endsChangeId" INTEGER,
ADD COLUMN     "follows" TEXT,
ADD COLUMN     "scheduledChangeId" INTEGER,
ADD COLUMN     "until" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ScheduledChange" (
    "id" SERIAL NOT NULL,
    "missionId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "sourceUrl" TEXT,
    "sourceTitle" TEXT,
    "effectiveAt" TIMESTAMP(3) NOT NULL,
    "until" TIMESTAMP(3),
    "follows" TEXT,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "createdById" INTEGER,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "appliedChangeId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ScheduledChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" SERIAL NOT NULL,
    "queue" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "runAt" TIMESTAMP(3) NOT NULL,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FreshnessPolicy" (
    "hostCode" TEXT NOT NULL,
    "closedStaleHours" INTEGER,
    "limitedStaleHours" INTEGER,
    "openStaleHours" INTEGER,
    "inCrisis" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" INTEGER,

    CONSTRAINT "FreshnessPolicy_pkey" PRIMARY KEY ("hostCode")
);

-- CreateTable
CREATE TABLE "RateLimiterFlexible" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMP(3),

    CONSTRAINT "RateLimiterFlexible_pkey" PRIMARY KEY ("key")
);

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

-- CreateIndex
CREATE INDEX "Mission_statusUntil_idx" ON "Mission"("statusUntil");

-- AddForeignKey
ALTER TABLE "ScheduledChange" ADD CONSTRAINT "ScheduledChange_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

