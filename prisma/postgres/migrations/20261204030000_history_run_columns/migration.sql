-- AlterTable
ALTER TABLE "StatusChange" ADD COLUMN     "recordedUpTo" TIMESTAMP(3),
ADD COLUMN     "runStartedAt" TIMESTAMP(3);

