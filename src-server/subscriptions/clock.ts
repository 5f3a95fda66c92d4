// Time is injected: the scheduler, the renewals and the self-service links ask a clock, so tests
// move time by setting it instead of sleeping. The database's own now() is used only for leases
// (how long a claimed renewal stays claimed), which must follow the wall clock of every instance.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
