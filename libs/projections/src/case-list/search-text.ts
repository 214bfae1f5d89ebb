/**
 * Text as the desk's search compares it: lower case, without Vietnamese diacritics (đ → d), spaces
 * collapsed, so "tran van binh" finds "Trần Văn Bình" and "TRẦN VĂN BÌNH". Unicode NFD splits a
 * letter from its marks (ầ → a + ̂ + ̀); đ/Đ is a letter of its own and has no decomposition.
 */
export const searchText = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** The column the search reads: case id, judgment number and both parties, normalised. */
export const caseSearchText = (parts: {
  caseId: string;
  judgmentNumber: string;
  creditor: string;
  debtor: string;
}): string => searchText([parts.caseId, parts.judgmentNumber, parts.creditor, parts.debtor].join(' | '));
