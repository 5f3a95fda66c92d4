/**
 * The small engine the order and fulfillment status machines share: a table of allowed moves,
 * plus an "on hold" status that remembers where it came from, so releasing a hold goes back
 * exactly there. Pure data in, pure data out; callers store `{ status, heldFrom }`.
 */

/** What a caller persists: the status, and while on hold the status it was held from. */
export interface HoldableState<S extends string> {
  status: S;
  heldFrom: S | null;
}

export type TransitionRefusalCode =
  /** `to` is not in the table's row for `from`. */
  | 'illegal_transition'
  /** Leaving hold for a status other than the one it was held from. */
  | 'hold_release_mismatch';

export type TransitionResult<S extends string> =
  | { ok: true; state: HoldableState<S> }
  | { ok: false; code: TransitionRefusalCode; from: S; to: S; reason: string };

export interface StatusMachine<S extends string> {
  readonly transitions: Readonly<Record<S, readonly S[]>>;
  /** True when the table allows `from` → `to` (ignores which status a hold came from). */
  canTransition(from: S, to: S): boolean;
  /** The next state, or a refusal with a reason a person can read. Never mutates `current`. */
  transition(current: HoldableState<S>, to: S): TransitionResult<S>;
  /** Leaves hold for the status it was held from. */
  releaseHold(current: HoldableState<S>): TransitionResult<S>;
}

export interface StatusMachineConfig<S extends string> {
  /** "order" or "fulfillment order": used in refusal reasons. */
  subject: string;
  transitions: Readonly<Record<S, readonly S[]>>;
  holdStatus: S;
  /** Statuses reachable from hold regardless of where it came from (e.g. cancelled). */
  exitsFromHold: readonly S[];
}

export function defineStatusMachine<S extends string>(
  config: StatusMachineConfig<S>,
): StatusMachine<S> {
  const { subject, transitions, holdStatus, exitsFromHold } = config;
  const canTransition = (from: S, to: S): boolean => transitions[from].includes(to);

  const transition = (current: HoldableState<S>, to: S): TransitionResult<S> => {
    const from = current.status;
    if (!canTransition(from, to)) {
      const allowed = transitions[from];
      const next =
        allowed.length === 0
          ? `${from} is final`
          : `from ${from} it can become ${allowed.join(', ')}`;
      return {
        ok: false,
        code: 'illegal_transition',
        from,
        to,
        reason: `A ${subject} that is ${from} cannot become ${to}: ${next}.`,
      };
    }
    if (from === holdStatus && !exitsFromHold.includes(to) && current.heldFrom !== to) {
      const where = current.heldFrom === null ? 'an unknown status' : current.heldFrom;
      return {
        ok: false,
        code: 'hold_release_mismatch',
        from,
        to,
        reason: `This ${subject} was put on hold while ${where}; releasing the hold returns it there, not to ${to}.`,
      };
    }
    return { ok: true, state: { status: to, heldFrom: to === holdStatus ? from : null } };
  };

  const releaseHold = (current: HoldableState<S>): TransitionResult<S> => {
    if (current.status !== holdStatus || current.heldFrom === null) {
      return {
        ok: false,
        code: current.status === holdStatus ? 'hold_release_mismatch' : 'illegal_transition',
        from: current.status,
        to: current.heldFrom ?? current.status,
        reason:
          current.status === holdStatus
            ? `This ${subject} is on hold but the status it was held from is unknown.`
            : `A ${subject} that is ${current.status} is not on hold.`,
      };
    }
    return transition(current, current.heldFrom);
  };

  return { transitions, canTransition, transition, releaseHold };
}
