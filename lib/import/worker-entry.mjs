// The import worker thread's entry: plain JavaScript that loads the TypeScript worker through
// tsx (the server itself runs under tsx). See lib/import/run.ts.
import { tsImport } from "tsx/esm/api";

await tsImport("./worker.ts", import.meta.url);
