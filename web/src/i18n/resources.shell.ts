// The English texts the shell and the overview draw, bundled with the app so the landing page
// renders without waiting for more: the shared file (shell, auth, clusters), the overview, and the
// features whose names the shell's menu shows (admin, teams, lineage). The other pages' English
// (resources.pages.ts) loads with the first of those pages a visit opens.
import coreEnUS from './en-US.json';
import adminEnUS from '../features/admin/locales/en-US.json';
import overviewEnUS from '../features/overview/locales/en-US.json';
import globalLineageEnUS from '../features/global-lineage/locales/en-US.json';
import teamsEnUS from '../features/teams/locales/en-US.json';

export const shellEnUS = {
  ...coreEnUS,
  ...adminEnUS,
  ...overviewEnUS,
  ...globalLineageEnUS,
  ...teamsEnUS,
};
