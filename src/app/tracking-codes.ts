import { randomInt } from 'node:crypto';
import { TRACKING_SYMBOLS, trackingCodeFromSymbols } from '../domain/reports/tracking-code.ts';

/** A new tracking code from the operating system's CSPRNG (randomInt is unbiased). */
export function newTrackingCode(): string {
  return trackingCodeFromSymbols(Array.from({ length: TRACKING_SYMBOLS }, () => randomInt(32)));
}
