// All translations, assembled from the shared file (shell, auth, clusters) and one
// locale file per feature, so features never edit each other's strings. Each
// feature's keys live under its own prefix: `t('overview.cards.total')`.
//
// To add a feature: create features/<name>/locales/{en-US,zh-CN}.json and add one
// line to each object below.
import coreEnUS from './en-US.json';
import coreZhCN from './zh-CN.json';
import tasksEnUS from '../features/tasks/locales/en-US.json';
import tasksZhCN from '../features/tasks/locales/zh-CN.json';
import sqlAuthoringEnUS from '../features/sql-authoring/locales/en-US.json';
import sqlAuthoringZhCN from '../features/sql-authoring/locales/zh-CN.json';
import adminEnUS from '../features/admin/locales/en-US.json';
import adminZhCN from '../features/admin/locales/zh-CN.json';
import overviewEnUS from '../features/overview/locales/en-US.json';
import overviewZhCN from '../features/overview/locales/zh-CN.json';
import runDetailEnUS from '../features/run-detail/locales/en-US.json';
import runDetailZhCN from '../features/run-detail/locales/zh-CN.json';
import globalLineageEnUS from '../features/global-lineage/locales/en-US.json';
import globalLineageZhCN from '../features/global-lineage/locales/zh-CN.json';
import alertsEnUS from '../features/alerts/locales/en-US.json';
import alertsZhCN from '../features/alerts/locales/zh-CN.json';
import savepointsEnUS from '../features/savepoints/locales/en-US.json';
import savepointsZhCN from '../features/savepoints/locales/zh-CN.json';
import teamsEnUS from '../features/teams/locales/en-US.json';
import teamsZhCN from '../features/teams/locales/zh-CN.json';

export const enUS = {
  ...coreEnUS,
  ...tasksEnUS,
  ...sqlAuthoringEnUS,
  ...adminEnUS,
  ...overviewEnUS,
  ...runDetailEnUS,
  ...globalLineageEnUS,
  ...alertsEnUS,
  ...savepointsEnUS,
  ...teamsEnUS,
};

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
