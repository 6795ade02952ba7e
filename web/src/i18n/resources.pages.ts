// The English texts of the pages other than the overview, loaded by i18n.ts with the first such
// page a visit opens (withPageTexts): 41 kB of JSON the overview's first load no longer carries.
// A feature whose texts the shell or the overview draws belongs in resources.shell.ts instead;
// web/build/bundle-budget.test.ts checks none of these is in the overview's first load.
import tasksEnUS from '../features/tasks/locales/en-US.json';
import sqlAuthoringEnUS from '../features/sql-authoring/locales/en-US.json';
import runDetailEnUS from '../features/run-detail/locales/en-US.json';
import alertsEnUS from '../features/alerts/locales/en-US.json';
import savepointsEnUS from '../features/savepoints/locales/en-US.json';

export const pagesEnUS = {
  ...tasksEnUS,
  ...sqlAuthoringEnUS,
  ...runDetailEnUS,
  ...alertsEnUS,
  ...savepointsEnUS,
};
