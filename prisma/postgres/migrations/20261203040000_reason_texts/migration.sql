-- CreateTable
CREATE TABLE "ReasonText" (
    "id" SERIAL NOT NULL,
    "missionId" INTEGER NOT NULL,
    "originalHash" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "isOriginal" BOOLEAN NOT NULL DEFAULT false,
    "authorName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReasonText_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReasonText_missionId_originalHash_language_key" ON "ReasonText"("missionId", "originalHash", "language");

-- AddForeignKey
ALTER TABLE "ReasonText" ADD CONSTRAINT "ReasonText_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

