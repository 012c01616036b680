/** How a page's rows find their reason's versions: the mission and the reason's text. */
export const reasonKey = (missionId: number, reason: string) => `${missionId}:${reason}`;
