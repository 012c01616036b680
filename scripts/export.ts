// `npm run export -- [file.json]`: writes the active missions as {"format":"chancery/missions@1", ...}
// to the file, or to standard output.
import fs from "node:fs";
import { createDb } from "@/lib/db/create";
import { parseEnv } from "@/lib/env";
import { exportMissions } from "@/lib/import/export";

async function main() {
  const db = createDb(parseEnv().DATABASE_URL);
  try {
    const json = JSON.stringify(await exportMissions(db), null, 1);
    const file = process.argv[2];
    if (file) {
      fs.writeFileSync(file, json + "\n");
      console.error(`Wrote ${file}`);
    } else process.stdout.write(json + "\n");
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
