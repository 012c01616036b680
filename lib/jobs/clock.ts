// Time as a dependency: the scheduler and the status commands ask a Clock, so tests move time
// forward instead of sleeping.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
