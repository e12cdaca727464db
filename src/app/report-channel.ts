import type { SourceType } from '../domain/indicators/statement-of-reasons.ts';
import type { ReportChannel } from '../store/schema.ts';
import type { Caller } from './caller.ts';
import { forbidden } from './errors.ts';

/**
 * Which intake channel a caller reports through, and what source type its identifiers carry.
 * API keys need the `reports:write` scope; users of any organization may report.
 */
export function channelOf(caller: Caller): { channel: ReportChannel; sourceType: SourceType; organizationId: string | null } {
  const a = caller.actor;
  switch (a.type) {
    case 'public':
      return { channel: 'public', sourceType: 'citizen', organizationId: null };
    case 'system':
      return { channel: 'agency', sourceType: 'agency', organizationId: null };
    case 'api_key':
      if (!a.scopes.includes('reports:write')) throw forbidden('This API key does not have the scope reports:write.');
      break;
    case 'user':
      break;
  }
  const kind = a.organizationKind;
  if (kind === 'agency') return { channel: 'agency', sourceType: 'agency', organizationId: a.organizationId };
  if (kind === 'platform') return { channel: 'platform', sourceType: 'platform', organizationId: a.organizationId };
  // Banks and telcos report what their customers told them; "other" partners (NGOs, hotlines)
  // relay citizens' reports, so their identifiers count as citizen-sourced.
  return { channel: 'partner', sourceType: kind === 'bank' || kind === 'telco' ? kind : 'citizen', organizationId: a.organizationId };
}
