/**
 * A case's status is derived from its append-only events: each event either moves the case
 * to another state, keeps it where it is, or is refused. Nothing else changes a case's status,
 * so replaying a case's events through `nextState` always gives the stored status.
 */
export const CASE_STATES = ['new', 'triaged', 'verified', 'rejected', 'escalated', 'acknowledged', 'actioned', 'closed', 'merged'] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_EVENTS = [
  'created',
  'report_added',
  'triaged',
  'assigned',
  'commented',
  'priority_set',
  'verified',
  'rejected',
  'escalated',
  'acknowledged',
  'actioned',
  'disputed',
  'reopened',
  'merged',
  'merge_received',
  'closed',
] as const;
export type CaseEvent = (typeof CASE_EVENTS)[number];

/** States in which analysts still work on a case (everything but the end states). */
export const ACTIVE_STATES: readonly CaseState[] = ['new', 'triaged', 'verified', 'escalated', 'acknowledged', 'actioned'];

/** A new report joins a case in these states; a closed, rejected or merged case gets a new one. */
export const JOINABLE_STATES: readonly CaseState[] = ACTIVE_STATES;

const ALL_BUT_MERGED: readonly CaseState[] = CASE_STATES.filter((s) => s !== 'merged');

type Rule = { from: readonly CaseState[]; to: CaseState | 'same' };

const RULES: Record<CaseEvent, Rule> = {
  // A case is born with its first event; no existing case can be "created" again.
  created: { from: [], to: 'new' },
  report_added: { from: JOINABLE_STATES, to: 'same' },
  triaged: { from: ['new'], to: 'triaged' },
  // Assigning and prioritising are for work still to do; reopen an ended case first.
  assigned: { from: ACTIVE_STATES, to: 'same' },
  priority_set: { from: ACTIVE_STATES, to: 'same' },
  // Notes are welcome after the fact too, but a merged case's history continues on its target.
  commented: { from: ALL_BUT_MERGED, to: 'same' },
  verified: { from: ['triaged'], to: 'verified' },
  rejected: { from: ['triaged'], to: 'rejected' },
  // A case with subjects on several platforms is escalated to each; "needs more information"
  // (actioned) is answered with a new escalation.
  escalated: { from: ['verified', 'escalated', 'acknowledged', 'actioned'], to: 'escalated' },
  acknowledged: { from: ['escalated', 'acknowledged'], to: 'acknowledged' },
  // A platform may act without acknowledging first.
  actioned: { from: ['escalated', 'acknowledged', 'actioned'], to: 'actioned' },
  // An indicator of the case is disputed: recorded on every case holding it, whatever its state.
  disputed: { from: ALL_BUT_MERGED, to: 'same' },
  reopened: { from: ['closed', 'rejected', 'actioned'], to: 'triaged' },
  // Only cases not yet in front of a platform are merged: an escalation belongs to its case.
  merged: { from: ['new', 'triaged', 'verified'], to: 'merged' },
  merge_received: { from: ACTIVE_STATES, to: 'same' },
  // Phone numbers and bank accounts have no platform to escalate to: a verified case may close.
  closed: { from: ['verified', 'actioned'], to: 'closed' },
};

export type Transition =
  | { ok: true; state: CaseState }
  | { ok: false; state: CaseState | null; event: CaseEvent; allowed: CaseEvent[]; message: string };

/** The state after `event`, or why the event is refused (with the events the state allows). */
export function nextState(state: CaseState | null, event: CaseEvent): Transition {
  const rule = RULES[event];
  if (state === null) {
    if (event === 'created') return { ok: true, state: 'new' };
    return refused(state, event);
  }
  if (!rule.from.includes(state)) return refused(state, event);
  return { ok: true, state: rule.to === 'same' ? state : rule.to };
}

/** The events a case in `state` accepts (`created` only for a case that does not exist yet). */
export function allowedEvents(state: CaseState | null): CaseEvent[] {
  if (state === null) return ['created'];
  return CASE_EVENTS.filter((e) => RULES[e].from.includes(state));
}

function refused(state: CaseState | null, event: CaseEvent): Transition {
  const allowed = allowedEvents(state);
  return {
    ok: false,
    state,
    event,
    allowed,
    message: `A case that is ${state ?? 'not yet created'} does not accept "${event}"; it accepts: ${allowed.join(', ') || 'nothing'}.`,
  };
}

/** Replays events from the start: the derived status, or the first refused event. */
export function replay(events: readonly CaseEvent[]): Transition {
  let state: CaseState | null = null;
  for (const event of events) {
    const t = nextState(state, event);
    if (!t.ok) return t;
    state = t.state;
  }
  return state === null ? refused(null, 'created') : { ok: true, state };
}

export function isCaseState(value: string): value is CaseState {
  return (CASE_STATES as readonly string[]).includes(value);
}

export function isCaseEvent(value: string): value is CaseEvent {
  return (CASE_EVENTS as readonly string[]).includes(value);
}
