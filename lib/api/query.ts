// Query strings as records: a repeated parameter joins its values with commas.

export function queryRecord(params: URLSearchParams): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [key, value] of params) record[key] = key in record ? `${record[key]},${value}` : value;
  return record;
}
