// All translations, assembled from the shared file (shell, auth, clusters) and one
// locale file per feature, so features never edit each other's strings. Each
// feature's keys live under its own prefix: `t('overview.cards.total')`.
//
// To add a feature: create features/<name>/locales/{en-US,zh-CN}.json and add one
// line to the object below and one to resources.zh-CN.ts (Chinese loads only when chosen).
import coreEnUS from './en-US.json';
import tasksEnUS from '../features/tasks/locales/en-US.json';
import sqlAuthoringEnUS from '../features/sql-authoring/locales/en-US.json';
import adminEnUS from '../features/admin/locales/en-US.json';
import overviewEnUS from '../features/overview/locales/en-US.json';
import runDetailEnUS from '../features/run-detail/locales/en-US.json';
import globalLineageEnUS from '../features/global-lineage/locales/en-US.json';
import alertsEnUS from '../features/alerts/locales/en-US.json';
import savepointsEnUS from '../features/savepoints/locales/en-US.json';
import teamsEnUS from '../features/teams/locales/en-US.json';

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
