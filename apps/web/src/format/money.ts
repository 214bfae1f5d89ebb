/**
 * Money as the API sends it: whole đồng in a decimal string ("228188311000"), never a float (a
 * province's sums pass 2^53). Grouped with dots as Vietnamese writes it: "228.188.311.000 đ".
 */
export const groupDigits = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

export const formatMoney = (amount: string | null | undefined): string => {
  if (amount === null || amount === undefined || amount === '') return '';
  const negative = amount.startsWith('-');
  const digits = negative ? amount.slice(1) : amount;
  if (!/^\d+$/.test(digits)) return amount;
  return `${negative ? '-' : ''}${groupDigits(digits.replace(/^0+(?=\d)/, ''))} đ`;
};

/** What a clerk typed ("228.188.311.000", "228 188 311 000 đ") back to the API's digits, or undefined. */
export const parseMoney = (text: string | null | undefined): string | undefined => {
  if (text === null || text === undefined) return undefined;
  const digits = String(text).replace(/[.\s\u00a0đ]/g, '');
  return /^\d+$/.test(digits) ? digits.replace(/^0+(?=\d)/, '') : undefined;
};
