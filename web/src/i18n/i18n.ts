import i18n from 'i18next';
import type { Locale as AntdLocale } from 'antd/es/locale';
// The ES module ConfigProvider itself defaults to: antd/locale/en_US is a CommonJS copy that would ship beside it.
import antdEnUS from 'antd/es/locale/en_US';
import { initReactI18next } from 'react-i18next';
import { shellEnUS } from './resources.shell';

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
 * The English of the shell and the overview ships with the app (English is every text's fallback);
 * Chinese is fetched the first time it is needed, so the first load of a browser showing English
 * carries one language, not two. The other pages' English comes with them (withPageTexts).
 */
async function loadLanguage(language: Language): Promise<void> {
  if (language === 'zh-CN' && !i18n.hasResourceBundle('zh-CN', 'translation')) {
    // antd's and dayjs's Chinese come with the app's, so Chinese dates and antd texts cost English visitors nothing.
    const [texts, libraries] = await Promise.all([import('./resources.zh-CN'), import('./library-locales.zh-CN')]);
    antdZhCN = libraries.antdZhCN;
    i18n.addResourceBundle('zh-CN', 'translation', texts.zhCN);
  }
}

let antdZhCN: AntdLocale | undefined;

/** antd's texts (pagination, empty tables, …) for a language: Chinese once loadLanguage has fetched it, English before. */
export function antdLocaleFor(language: string): AntdLocale {
  return language === 'zh-CN' && antdZhCN ? antdZhCN : antdEnUS;
}

let pageTexts: Promise<void> | undefined;

/** The English texts of the pages other than the overview: fetched once, with the first such page. */
function loadPageTexts(): Promise<void> {
  pageTexts ??= import('./resources.pages').then(
    ({ pagesEnUS }) => void i18n.addResourceBundle('en-US', 'translation', pagesEnUS, true),
    (error: unknown) => {
      // A failed fetch (a new deployment, a network blip) is tried again with the next page.
      pageTexts = undefined;
      throw error;
    },
  );
  return pageTexts;
}

/**
 * Loads a page's module together with the English texts of the pages (every page but the overview
 * draws some of them, and Chinese falls back to them), so the page never renders a bare key.
 */
export async function withPageTexts<T>(loadPage: () => Promise<T>): Promise<T> {
  const [page] = await Promise.all([loadPage(), loadPageTexts()]);
  return page;
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
  resources: { 'en-US': { translation: shellEnUS } },
  lng: initialLanguage,
  fallbackLng: 'en-US',
  interpolation: { escapeValue: false },
});

/** Resolves once the first language's texts are in: the app renders after it, never in English first. */
export const i18nReady: Promise<void> = loadLanguage(initialLanguage).then(async () => {
  if (initialLanguage !== 'en-US') await i18n.changeLanguage(initialLanguage);
});

export { i18n };
