import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { catalogues, type Language, type MessageKey } from "./messages";

const STORAGE_KEY = "illajwala.language";

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface LanguageContextValue {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);

function initialLanguage(): Language {
  const stored = typeof localStorage === "undefined" ? null : localStorage.getItem(STORAGE_KEY);
  if (stored === "en" || stored === "hi") {
    return stored;
  }
  return typeof navigator !== "undefined" && navigator.language.toLowerCase().startsWith("hi") ? "hi" : "en";
}

/** Fills `{name}` placeholders. */
export function interpolate(message: string, values?: Record<string, string | number>): string {
  if (values === undefined) {
    return message;
  }
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * The reader's language (English or Hindi): chosen with the switcher, remembered in the browser,
 * taken from the patient's profile when they sign in; the page's `lang` follows it.
 */
export function LanguageProvider({ children, language: fixed }: { children: ReactNode; language?: Language }) {
  const [language, setLanguageState] = useState<Language>(() => fixed ?? initialLanguage());
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private browsing: the choice lasts for this page only
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const t = useCallback<Translate>((key, values) => interpolate(catalogues[language][key], values), [language]);
  const value = useMemo(() => ({ language, setLanguage, t }), [language, setLanguage, t]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (value === null) {
    throw new Error("useLanguage needs a LanguageProvider");
  }
  return value;
}

export function useT(): Translate {
  return useLanguage().t;
}
