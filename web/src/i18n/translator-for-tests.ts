import i18next, { type TFunction } from 'i18next';
import { enUS } from './resources';
import { zhCN } from './resources.zh-CN';

// For the unit tests of the pure text modules (status notes, health reasons, incident summaries,
// delivery failures): a translator over the app's whole texts in one language, English behind it as
// in the app. No page imports this.

export async function translatorIn(language: 'en-US' | 'zh-CN'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({ resources: { 'en-US': { translation: enUS }, 'zh-CN': { translation: zhCN } }, lng: language, fallbackLng: 'en-US', interpolation: { escapeValue: false } });
  return instance.t;
}
