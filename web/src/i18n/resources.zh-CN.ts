// The Chinese translations, apart from the English ones (resources.ts) so that a browser showing
// English never downloads them: i18n.ts loads this module when Chinese is chosen. A feature added to
// resources.ts gets its line here too.
import type { enUS } from './resources';
import coreZhCN from './zh-CN.json';
import tasksZhCN from '../features/tasks/locales/zh-CN.json';
import sqlAuthoringZhCN from '../features/sql-authoring/locales/zh-CN.json';
import adminZhCN from '../features/admin/locales/zh-CN.json';
import overviewZhCN from '../features/overview/locales/zh-CN.json';
import runDetailZhCN from '../features/run-detail/locales/zh-CN.json';
import globalLineageZhCN from '../features/global-lineage/locales/zh-CN.json';
import alertsZhCN from '../features/alerts/locales/zh-CN.json';
import savepointsZhCN from '../features/savepoints/locales/zh-CN.json';
import teamsZhCN from '../features/teams/locales/zh-CN.json';

// Fails to compile when a Chinese file misses a key its English file has.
export const zhCN: typeof enUS = {
  ...coreZhCN,
  ...tasksZhCN,
  ...sqlAuthoringZhCN,
  ...adminZhCN,
  ...overviewZhCN,
  ...runDetailZhCN,
  ...globalLineageZhCN,
  ...alertsZhCN,
  ...savepointsZhCN,
  ...teamsZhCN,
};
