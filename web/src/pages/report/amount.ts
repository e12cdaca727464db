/** "45.000.000", "45,000,000 đ", "45000000" → 45000000; '' → null; anything else → NaN. */
export function parseAmount(text: string): number | null {
  const digits = text.replace(/[\s.,_đ₫]|VND|vnd/g, '');
  if (digits === '') return null;
  if (!/^\d{1,16}$/.test(digits)) return Number.NaN;
  return Number(digits);
}
