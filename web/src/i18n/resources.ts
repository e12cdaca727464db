import vi from './vi.json';
import en from './en.json';

/** The shape every language file must have; Vietnamese is the reference. */
export type Messages = typeof vi;

// Type-level parity check: both assignments fail to compile when a key is missing on
// either side, so a text cannot silently fall back to the other language.
const english: Messages = en;
const vietnamese: typeof en = vi;

export const resources = {
  vi: { translation: vietnamese },
  en: { translation: english },
} as const;
