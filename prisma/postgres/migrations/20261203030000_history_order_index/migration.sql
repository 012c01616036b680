-- DropIndex
DROP INDEX "StatusChange_missionId_effectiveAt_idx";

-- CreateIndex
CREATE INDEX "StatusChange_missionId_effectiveAt_recordedAt_id_newStatus_idx" ON "StatusChange"("missionId", "effectiveAt", "recordedAt", "id", "newStatus");

