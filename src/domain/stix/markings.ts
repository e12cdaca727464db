import type { Tlp } from '../indicators/verdicts.ts';

/**
 * TLP marking definitions: the four predefined objects of the STIX 2.1 specification (section
 * 7.2.1.4, TLP 1.0), with their fixed ids, which every STIX tool (OpenCTI included) knows.
 * TLP 2.0's CLEAR is TLP 1.0's WHITE, so `clear` is served as TLP:WHITE.
 */
export interface TlpMarking {
  type: 'marking-definition';
  spec_version: '2.1';
  id: string;
  created: string;
  definition_type: 'tlp';
  name: string;
  definition: { tlp: 'white' | 'green' | 'amber' | 'red' };
}

const CREATED = '2017-01-20T00:00:00.000Z';

function tlp(id: string, level: TlpMarking['definition']['tlp']): TlpMarking {
  return { type: 'marking-definition', spec_version: '2.1', id, created: CREATED, definition_type: 'tlp', name: `TLP:${level.toUpperCase()}`, definition: { tlp: level } };
}

export const TLP_MARKINGS: Record<Tlp, TlpMarking> = {
  clear: tlp('marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9', 'white'),
  green: tlp('marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da', 'green'),
  amber: tlp('marking-definition--f88d31f6-486f-44da-b317-01333bde0b82', 'amber'),
  red: tlp('marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed', 'red'),
};

export function tlpOfMarkingRef(ref: string): Tlp | undefined {
  return (Object.keys(TLP_MARKINGS) as Tlp[]).find((t) => TLP_MARKINGS[t].id === ref);
}
