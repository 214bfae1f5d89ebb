import { createContext, ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { en } from './en';
import { MessageKey, vi } from './vi';

export type Language = 'vi' | 'en';
const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { vi, en };
const STORAGE_KEY = 'thads.language';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t: Translate;
  /** A dynamic key (a state or role the API names) with a fallback when the dictionary lacks it. */
  tOr(key: string, fallback: string): string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

const initialLanguage = (): Language => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi');

export const I18nProvider = ({ children }: { children: ReactNode }) => {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    // The page's language follows the switch, so screen readers pronounce it right.
    document.documentElement.lang = next;
    setLanguageState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const dictionary = DICTIONARIES[language];
    const t: Translate = (key, values) =>
      dictionary[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? `{${name}}`));
    const tOr = (key: string, fallback: string) => (dictionary as Record<string, string>)[key] ?? fallback;
    return { language, setLanguage, t, tOr };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
};

export const useI18n = (): I18n => {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
};
