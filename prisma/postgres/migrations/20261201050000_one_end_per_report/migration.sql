-- CreateIndex
CREATE UNIQUE INDEX "StatusChange_endsChangeId_key" ON "StatusChange"("endsChangeId");

-- CreateIndex
CREATE UNIQUE INDEX "StatusChange_scheduledChangeId_key" ON "StatusChange"("scheduledChangeId");

