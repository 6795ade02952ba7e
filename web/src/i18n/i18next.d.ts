import 'i18next';
import type { enUS } from './resources';

// Typed translation keys: `t('clusters.titel')` does not compile.
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof enUS };
  }
}
