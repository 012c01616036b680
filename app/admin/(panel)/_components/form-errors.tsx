import type { FieldError } from "@/lib/admin/api-client";

const LABELS: Record<string, string> = {
  status: "Status",
  reason: "Reason",
  sourceUrl: "Source URL",
  sourceTitle: "Source title",
  effectiveAt: "Effective time",
  until: "Until",
  follows: "What follows then",
  expectedVersion: "Version",
  name: "Name",
  missions: "Missions",
  sendingCode: "Sending country",
  hostCode: "Host country",
  city: "City",
  type: "Type",
  address: "Address",
  latitude: "Latitude",
  longitude: "Longitude",
  phone: "Phone",
  email: "Email",
  website: "Website",
  wikidataId: "Wikidata id",
  timeZone: "Time zone",
  password: "Password",
  role: "Role",
  hostScope: "Host scope",
  closedStaleHours: "Closed: stale after",
  limitedStaleHours: "Limited: stale after",
  openStaleHours: "Open: stale after",
  inCrisis: "In crisis",
};

export const fieldLabel = (field: string) => LABELS[field] ?? field;

/** An alert listing what is wrong, field by field. */
export function FormErrors({ message, fields }: { message?: string | null; fields?: FieldError[] }) {
  if (!message && !fields?.length) return null;
  return (
    <div role="alert" className="rounded bg-red-50 p-2 text-sm text-red-900">
      {fields?.length ? (
        <ul className="list-disc pl-5">
          {fields.map((error) => (
            <li key={error.field + error.message}>
              {fieldLabel(error.field)}: {error.message}
            </li>
          ))}
        </ul>
      ) : (
        message
      )}
    </div>
  );
}
