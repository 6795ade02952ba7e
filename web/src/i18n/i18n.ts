import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enUS } from './resources';

export const LANGUAGES = ['en-US', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'weir.language';

function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

/** The remembered choice, else the browser's: any Chinese variant gives zh-CN, everything else en-US. */
export function detectLanguage(): Language {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  const preferred = navigator.languages?.[0] ?? navigator.language ?? '';
  return preferred.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en-US';
}

/**
 * English ships with the app (it is every text's fallback); Chinese is fetched the first time it is
 * needed, so the first load of a browser showing English carries one language, not two.
 */
async function loadLanguage(language: Language): Promise<void> {
  if (language === 'zh-CN' && !i18n.hasResourceBundle('zh-CN', 'translation')) {
    i18n.addResourceBundle('zh-CN', 'translation', (await import('./resources.zh-CN')).zhCN);
  }
}

export async function changeLanguage(language: Language): Promise<void> {
  window.localStorage.setItem(STORAGE_KEY, language);
  await loadLanguage(language);
  await i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

const initialLanguage = detectLanguage();
void i18n.use(initReactI18next).init({
  resources: { 'en-US': { translation: enUS } },
  lng: initialLanguage,
  fallbackLng: 'en-US',
  interpolation: { escapeValue: false },
});

/** Resolves once the first language's texts are in: the app renders after it, never in English first. */
export const i18nReady: Promise<void> = loadLanguage(initialLanguage).then(async () => {
  if (initialLanguage !== 'en-US') await i18n.changeLanguage(initialLanguage);
});

export { i18n };
