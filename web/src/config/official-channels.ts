/**
 * The agency's only official channels, shown in the standing warning against impersonators.
 * Demo values: invented domains and a number that is not in service. A deployment replaces
 * this file's values with the real ones.
 */
export const OFFICIAL_CHANNELS = {
  website: 'https://canhgiac.example',
  email: 'hotro@canhgiac.example',
  hotline: '1800 0000 00',
} as const;
