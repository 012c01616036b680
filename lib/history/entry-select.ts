// The fields of a history entry the feeds at a moment send on: the API's change fields
// (lib/api/serialize.ts toApiChange) and the mission it belongs to. The same set as
// lib/api/read-model.ts's changeSelect, plus missionId (and lib/history/changes.ts's EntryBetween).
export const historyEntrySelect = {
  id: true,
  missionId: true,
  kind: true,
  previousStatus: true,
  newStatus: true,
  reason: true,
  sourceUrl: true,
  sourceTitle: true,
  effectiveAt: true,
  recordedAt: true,
  until: true,
  follows: true,
  endsChangeId: true,
} as const;
