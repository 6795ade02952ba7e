// All English translations, assembled from the shared file (shell, auth, clusters) and one locale
// file per feature, so features never edit each other's strings. Each feature's keys live under its
// own prefix: `t('overview.cards.total')`.
//
// The app loads them in two parts (i18n.ts): resources.shell.ts with the app, resources.pages.ts with
// the first page other than the overview. This whole set gives the keys their types (i18next.d.ts)
// and the tests their texts; the app itself does not import it.
//
// To add a feature: create features/<name>/locales/{en-US,zh-CN}.json, add one line to
// resources.shell.ts if the shell or the overview draws its texts, else to resources.pages.ts, and
// one to resources.zh-CN.ts (Chinese loads only when chosen).
import { pagesEnUS } from './resources.pages';
import { shellEnUS } from './resources.shell';

export const enUS = { ...shellEnUS, ...pagesEnUS };
