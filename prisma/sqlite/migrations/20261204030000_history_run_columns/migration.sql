-- AlterTable
ALTER TABLE "StatusChange" ADD COLUMN "recordedUpTo" DATETIME;
ALTER TABLE "StatusChange" ADD COLUMN "runStartedAt" DATETIME;

