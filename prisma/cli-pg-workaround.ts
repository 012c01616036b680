// CLI-only workaround for prisma/orm#27403: in adapter mode the schema engine cannot
// deserialize PostgreSQL's internal `name` (OID 19) and `"char"` (OID 18) columns that it
// reads from the catalogs, so `migrate deploy` fails. Reporting them as text is harmless
// for the catalog queries. Imported by prisma.config.ts only, never by the app.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const Result = require("pg/lib/result.js") as {
  prototype: { addFields(fields: Array<{ dataTypeID: number }>): void };
};

const AS_TEXT: Record<number, number> = { 19: 25, 18: 25, 1003: 1009, 1002: 1009 };
const original = Result.prototype.addFields;
Result.prototype.addFields = function patchedAddFields(fields) {
  for (const field of fields) field.dataTypeID = AS_TEXT[field.dataTypeID] ?? field.dataTypeID;
  return original.call(this, fields);
};
