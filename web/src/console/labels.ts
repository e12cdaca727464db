import type { ParseKeys } from 'i18next';

// i18n keys for the server's enumerations; an unknown value falls back to the value itself.

export const verdictKey = (verdict: string) => `console.verdicts.${verdict}` as ParseKeys;
export const caseStateKey = (state: string) => `console.states.${state}` as ParseKeys;
export const eventKey = (event: string) => `console.events.${event}` as ParseKeys;
export const escalationStatusKey = (status: string) => `console.escalationStatus.${status}` as ParseKeys;
export const platformActionKey = (action: string) => `console.platformActions.${action}` as ParseKeys;
export const fraudTypeKey = (type: string) => `fraudTypes.${type}.name` as ParseKeys;
export const platformKey = (platform: string) => `platforms.${platform}` as ParseKeys;
export const kindKey = (kind: string) => `kinds.${kind}` as ParseKeys;
export const evidenceKindKey = (kind: string) => `console.evidenceKinds.${kind}` as ParseKeys;
export const sourceTypeKey = (type: string) => `console.sourceTypes.${type}` as ParseKeys;
export const channelKey = (channel: string) => `console.channels.${channel}` as ParseKeys;
