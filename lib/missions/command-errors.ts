// The errors a status write throws, apart from the writes themselves: lib/http/errors.ts maps
// them to answers, and the front process (server.ts) loads that module without the database.
export class VersionConflictError extends Error {
  constructor(
    readonly missionId: number,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(`Mission ${missionId} changed since version ${expectedVersion} (now ${actualVersion})`);
    this.name = "VersionConflictError";
  }
}

export class MissionNotFoundError extends Error {
  constructor(readonly missionId: number) {
    super(`Mission ${missionId} does not exist`);
    this.name = "MissionNotFoundError";
  }
}
