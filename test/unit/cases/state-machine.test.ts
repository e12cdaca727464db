import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_EVENTS, CASE_STATES, allowedEvents, nextState, replay, type CaseEvent, type CaseState } from '../../../src/domain/cases/state-machine.ts';

/**
 * The whole transition table written out by hand, independently of the implementation:
 * `-` is refused, `=` keeps the state, anything else is the state after the event.
 */
const TABLE: Record<CaseState, Record<CaseEvent, CaseState | '-' | '='>> = {
  //          created report_added triaged assigned commented priority_set verified rejected escalated acknowledged actioned disputed reopened merged merge_received closed
  new: row('-', '=', 'triaged', '=', '=', '=', '-', '-', '-', '-', '-', '=', '-', 'merged', '=', '-'),
  triaged: row('-', '=', '-', '=', '=', '=', 'verified', 'rejected', '-', '-', '-', '=', '-', 'merged', '=', '-'),
  verified: row('-', '=', '-', '=', '=', '=', '-', '-', 'escalated', '-', '-', '=', '-', 'merged', '=', 'closed'),
  rejected: row('-', '-', '-', '-', '=', '-', '-', '-', '-', '-', '-', '=', 'triaged', '-', '-', '-'),
  escalated: row('-', '=', '-', '=', '=', '=', '-', '-', 'escalated', 'acknowledged', 'actioned', '=', '-', '-', '=', '-'),
  acknowledged: row('-', '=', '-', '=', '=', '=', '-', '-', 'escalated', 'acknowledged', 'actioned', '=', '-', '-', '=', '-'),
  actioned: row('-', '=', '-', '=', '=', '=', '-', '-', 'escalated', '-', 'actioned', '=', 'triaged', '-', '=', 'closed'),
  closed: row('-', '-', '-', '-', '=', '-', '-', '-', '-', '-', '-', '=', 'triaged', '-', '-', '-'),
  merged: row('-', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-'),
};

function row(...cells: (CaseState | '-' | '=')[]): Record<CaseEvent, CaseState | '-' | '='> {
  expect(cells).toHaveLength(CASE_EVENTS.length);
  return Object.fromEntries(CASE_EVENTS.map((e, i) => [e, cells[i]!])) as Record<CaseEvent, CaseState | '-' | '='>;
}

describe('case state machine', () => {
  for (const state of CASE_STATES) {
    for (const event of CASE_EVENTS) {
      const expected = TABLE[state][event];
      it(`${state} + ${event} → ${expected === '-' ? 'refused' : expected === '=' ? state : expected}`, () => {
        const t = nextState(state, event);
        if (expected === '-') {
          expect(t.ok).toBe(false);
          if (t.ok) return;
          expect(t.state).toBe(state);
          expect(t.allowed).toEqual(allowedEvents(state));
          expect(t.allowed).not.toContain(event);
          expect(t.message).toContain(state);
          expect(t.message).toContain(event);
        } else {
          expect(t).toEqual({ ok: true, state: expected === '=' ? state : expected });
          expect(allowedEvents(state)).toContain(event);
        }
      });
    }
  }

  it('a case that does not exist accepts only "created", which makes it new', () => {
    expect(nextState(null, 'created')).toEqual({ ok: true, state: 'new' });
    for (const event of CASE_EVENTS.filter((e) => e !== 'created')) expect(nextState(null, event).ok).toBe(false);
    expect(allowedEvents(null)).toEqual(['created']);
  });

  it('the happy path: new → triaged → verified → escalated → acknowledged → actioned → closed, and reopen', () => {
    expect(replay(['created', 'report_added', 'triaged', 'assigned', 'verified', 'escalated', 'acknowledged', 'actioned', 'closed'])).toEqual({ ok: true, state: 'closed' });
    expect(replay(['created', 'triaged', 'rejected', 'reopened', 'verified'])).toEqual({ ok: true, state: 'verified' });
    expect(replay(['created', 'triaged', 'merged', 'commented'])).toMatchObject({ ok: false, state: 'merged', event: 'commented', allowed: [] });
  });

  it('replaying any sequence of events either refuses one or lands on a state reachable step by step', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CASE_EVENTS), { maxLength: 30 }), (events) => {
        const all: CaseEvent[] = ['created', ...events];
        let state: CaseState | null = null;
        for (const e of all) {
          const t = nextState(state, e);
          if (!t.ok) {
            expect(replay(all)).toMatchObject({ ok: false, event: e, state });
            return;
          }
          state = t.state;
        }
        expect(replay(all)).toEqual({ ok: true, state });
      }),
    );
  });

  it('every state is reachable from a new case', () => {
    const seen = new Set<CaseState>(['new']);
    let frontier: CaseState[] = ['new'];
    while (frontier.length) {
      const next: CaseState[] = [];
      for (const s of frontier) for (const e of allowedEvents(s)) {
        const t = nextState(s, e);
        if (t.ok && !seen.has(t.state)) { seen.add(t.state); next.push(t.state); }
      }
      frontier = next;
    }
    expect([...seen].sort()).toEqual([...CASE_STATES].sort());
  });
});
