// Teams keep each other's jobs apart, in Chromium against a real Weir watching the shared Flink
// cluster: an admin makes teams A and B (and C, where the operator below only reads) and runs one
// task in A and one in B on a cluster every team shares. An operator of A with no global role logs
// in through the login page and sees A's job and only A's in the overview (the status cards count
// it alone), is told B's run does not exist when opening it by its address, is offered their teams
// but not B in the team filter, and makes a new task that lands in A, the only team they operate in.
// On the way the admin makes a team D on the Teams page and adds the operator to it as a viewer.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { sharedTestFlink, waitUntil, type TestFlink } from '../../server/src/test-support/flink.js';
import { launchBrowser, type TestBrowser } from '../support/browser.js';
import { screenshot } from '../support/screenshots.js';
import { logIn } from '../support/weir-app.js';
import { apiSession, startWeirServer, type WeirServer } from '../support/weir-server.js';
import { replaceScript } from '../support/sql-editor.js';

const ADMIN_PASSWORD = 'e2e-admin-password';
const OPERATOR = { username: 'olga', password: 'olga-first-password' };
const RUN = Date.now().toString(36);
const TAG = `e2e-teams-${RUN}`;

interface Team {
  id: string;
  name: string;
}
interface Task {
  id: string;
  name: string;
  teamId: string;
  latestStatus: string | null;
}

let server: WeirServer;
let browser: TestBrowser;
let flink: TestFlink;
let adminCookie = '';
let adminCsrf = '';
let clusterId = '';
let teamA: Team;
let teamB: Team;
let teamC: Team;
/** Made through the Teams page by the admin, who adds the operator to it as a viewer. */
const TEAM_D = `d-${RUN}`;
let taskA: Task;
let taskB: Task;
let runB = '';

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { cookie: adminCookie, 'x-csrf-token': adminCsrf, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(150_000),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

const streamingSql = (name: string) =>
  [
    `CREATE TEMPORARY TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '2');`,
    `CREATE TEMPORARY TABLE snk (id BIGINT) WITH ('connector' = 'blackhole');`,
    `INSERT INTO snk SELECT id FROM src; -- ${name}`,
  ].join('\n');

/** A task of the team, published and taken online: a real run on the shared cluster. */
async function runningTaskOf(team: Team, what: string): Promise<{ task: Task; runId: string }> {
  const name = `${TAG}-${what}`;
  const task = await api<Task>('POST', '/api/tasks', { name, kind: 'SQL', clusterId, teamId: team.id, sql: streamingSql(name), config: { parallelism: 1, checkpointIntervalMs: null } });
  assert.equal(task.teamId, team.id);
  await api('POST', `/api/tasks/${task.id}/publish`, {});
  const online = await api<{ newRunId: string }>('POST', `/api/tasks/${task.id}/online`, {});
  return { task, runId: online.newRunId };
}

const row = (page: Page, taskName: string): Locator => page.locator(`[data-testid="overview-table"] tr[data-task-name="${taskName}"]`);
const cardCount = async (page: Page, status: string): Promise<number> =>
  Number(await page.locator(`[data-testid="status-card-${status}"] [data-count]`).getAttribute('data-count'));
const taskNamesShown = (page: Page) => page.locator('[data-testid="overview-table"] tr[data-task-name]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-task-name')));

before(async () => {
  assert.ok(process.env.WEIR_TEST_FLINK_REST, 'WEIR_TEST_FLINK_REST is not set: run through `npm test`, or point it at the dev cluster');
  flink = await sharedTestFlink();
  server = await startWeirServer({ adminPassword: ADMIN_PASSWORD, env: { WEIR_WATCH_INTERVAL_MS: '500', WEIR_FLINK_TIMEOUT_MS: '5000' } });
  ({ cookie: adminCookie, csrfToken: adminCsrf } = await apiSession(server, 'admin', ADMIN_PASSWORD));

  // One cluster every team shares; teams A and B own a job each; C is a team the operator only reads.
  clusterId = (await api<{ id: string }>('POST', '/api/clusters', { name: `${TAG}-shared`, restUrl: flink.restUrl, gatewayUrl: flink.gatewayUrl, teamId: null })).id;
  teamA = await api<Team>('POST', '/api/teams', { name: `a-${RUN}`, description: 'Team A of the teams browser test' });
  teamB = await api<Team>('POST', '/api/teams', { name: `b-${RUN}` });
  teamC = await api<Team>('POST', '/api/teams', { name: `c-${RUN}` });
  await api('POST', '/api/users', {
    username: OPERATOR.username,
    password: OPERATOR.password,
    role: 'none',
    teams: [
      { teamId: teamA.id, role: 'operator' },
      { teamId: teamC.id, role: 'viewer' },
    ],
  });
  const [a, b] = await Promise.all([runningTaskOf(teamA, 'orders-a'), runningTaskOf(teamB, 'billing-b')]);
  taskA = a.task;
  taskB = b.task;
  runB = b.runId;
  for (const task of [taskA, taskB]) {
    await waitUntil(`${task.name} to run`, 90_000, async () => (await api<Task>('GET', `/api/tasks/${task.id}`)).latestStatus === 'RUNNING');
  }
  browser = await launchBrowser({ locale: 'en-US' });
});

after(async () => {
  for (const task of [taskA, taskB].filter(Boolean)) await api('POST', `/api/tasks/${task.id}/offline`, { withSavepoint: false }).catch(() => undefined);
  await browser?.close();
  await server?.stop();
  await flink?.stop();
});

test("an admin sees both teams' jobs, with the team column and filter, and the teams with their members", async () => {
  const page = await browser.newPage();
  await logIn(page, server.url, ADMIN_PASSWORD);
  // Narrowed to this file's jobs: the shared cluster runs other tests' jobs too (the default team's).
  await page.goto(`${server.url}/?q=${TAG}`);
  await row(page, taskA.name).waitFor();
  await row(page, taskB.name).waitFor();
  assert.equal(await row(page, taskB.name).getByTestId('task-team').innerText(), teamB.name);
  await page.getByTestId('team-filter').waitFor();

  await page.getByRole('menu').getByText('Teams', { exact: true }).click();
  await page.waitForURL(`${server.url}/teams`);
  const teamRow = page.getByRole('row').filter({ hasText: teamA.name });
  await teamRow.waitFor();
  assert.match(await teamRow.innerText(), /Team A of the teams browser test[\s\S]*1[\s\S]*Admin/);
  await teamRow.getByRole('button', { name: 'Members' }).click();
  const drawer = page.locator('.ant-drawer-open');
  await drawer.getByText(`Members of ${teamA.name}`).waitFor();
  await drawer.getByTestId('team-members').getByRole('row').filter({ hasText: OPERATOR.username }).waitFor();
  await screenshot(page, 'teams', '01-admin-team-members');
  await drawer.getByRole('button', { name: 'Close' }).click();
  await drawer.waitFor({ state: 'detached' });

  // A team made on the page, and a member added to it with a role.
  await page.getByRole('button', { name: 'Create team' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a team' });
  await dialog.getByLabel('Team name').fill('Not Valid');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await dialog.getByText('Use lower-case letters, digits and dashes').waitFor();
  await dialog.getByLabel('Team name').fill(TEAM_D);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const dRow = page.getByRole('row').filter({ hasText: TEAM_D });
  await dRow.getByRole('button', { name: 'Members' }).click();
  await drawer.getByText(`Members of ${TEAM_D}`).waitFor();
  await drawer.getByText('No members yet.').waitFor();
  await drawer.locator('.ant-select[aria-label="User to add"]').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: OPERATOR.username }).click();
  await drawer.locator('.ant-select[aria-label="Role in the team"]').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Viewer' }).click();
  await drawer.getByRole('button', { name: 'Add' }).click();
  const added = drawer.getByTestId('team-members').getByRole('row').filter({ hasText: OPERATOR.username });
  await added.waitFor();
  assert.equal(await added.getByRole('combobox').count(), 1, 'the role stays editable for the admin');
  assert.match(await added.innerText(), /Viewer/);
  await drawer.getByRole('button', { name: 'Close' }).click();
  await waitUntil("team D's member count", 10_000, async () => /\b1\b/.test(await dRow.innerText()));

  // The users page: the operator's global role is "Teams only", and their teams are listed.
  await page.goto(`${server.url}/users`);
  const olgaRow = page.getByRole('row').filter({ hasText: OPERATOR.username });
  await olgaRow.getByText('Teams only').waitFor();
  for (const team of [`${teamA.name}: Operator`, `${teamC.name}: Viewer`, `${TEAM_D}: Viewer`]) await olgaRow.getByText(team).waitFor();
  await screenshot(page, 'teams', '01b-admin-users-teams');
  await page.close();
});

test('an operator of team A sees only A: its job and counts, not B in the filter nor B\'s run by address, and makes tasks only in A', async () => {
  const page = await browser.newPage();
  await logIn(page, server.url, OPERATOR.password, OPERATOR.username);
  await page.waitForURL(`${server.url}/`);
  assert.deepEqual((await page.getByRole('menu').getByRole('menuitem').allInnerTexts()).map((s) => s.trim()), ['Overview', 'Tasks', 'Clusters', 'Lineage', 'Alerts']);

  // The overview: A's job alone, and the cards count it alone.
  await row(page, taskA.name).waitFor();
  await page.locator('[data-testid="status-card-total"] [data-count]').waitFor();
  await waitUntil('the cards to count only A\'s job', 15_000, async () => (await cardCount(page, 'total')) === 1 && (await cardCount(page, 'RUNNING')) === 1);
  assert.deepEqual(await taskNamesShown(page), [taskA.name]);
  assert.equal(await row(page, taskB.name).count(), 0);
  assert.equal(await row(page, taskA.name).getByTestId('task-team').innerText(), teamA.name);

  // The team filter offers A and C (the user's teams), never B.
  await page.getByTestId('team-filter').click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  // The dropdown renders its options after it opens (and again as the teams arrive): wait for them, then compare.
  const offered = async () => (await options.allInnerTexts()).map((s) => s.trim()).sort();
  const expected = [teamA.name, teamC.name, TEAM_D].sort();
  await waitUntil('the team filter to list the user\'s teams', 15_000, async () => (await offered()).length >= expected.length);
  assert.deepEqual(await offered(), expected);
  await screenshot(page, 'teams', '02-operator-overview-team-filter');
  // Narrowed to C, which runs nothing, the list is empty; the URL keeps the choice.
  await options.filter({ hasText: teamC.name }).click();
  await page.waitForURL((url) => url.searchParams.get('team') === teamC.id);
  await waitUntil('the list narrowed to team C', 15_000, async () => (await taskNamesShown(page)).length === 0 && (await cardCount(page, 'total')) === 0);
  await page.keyboard.press('Escape');

  // B's run by its address: the page says it does not exist.
  await page.goto(`${server.url}/runs/${runB}`);
  await page.getByText('This run does not exist.').waitFor();
  await screenshot(page, 'teams', '03-operator-other-team-run');

  // A new task: no team to choose (A is the only team they operate in), and it lands in A.
  await page.goto(`${server.url}/tasks/new`);
  await page.getByLabel('Cluster').waitFor();
  assert.equal(await page.getByTestId('task-team-select').count(), 0, 'one team possible: no picker');
  const name = `${TAG}-made-by-olga`;
  await page.getByLabel('Name').fill(name);
  await page.getByTestId('task-cluster-select').click(); // the box, not its input, which a preselected cluster covers
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `${TAG}-shared` }).click();
  await replaceScript(page, streamingSql(name));
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/\/tasks\/[^/]+$/);
  await page.getByText(`${name} created`).waitFor();
  assert.equal(await page.getByTestId('task-team').innerText(), teamA.name);
  await screenshot(page, 'teams', '04-operator-task-in-team-a');

  // Naming another team is refused: B is not theirs (as if it did not exist), C only lets them read.
  const tryCreate = (teamId: string) =>
    page.evaluate(
      async ({ teamId, clusterId, name }) => {
        const me = await (await fetch('/api/auth/me')).json();
        const res = await fetch('/api/tasks', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({ name, kind: 'SQL', clusterId, teamId, sql: 'SELECT 1' }),
        });
        return res.status;
      },
      { teamId, clusterId, name: `${name}-${teamId}` },
    );
  assert.equal(await tryCreate(teamB.id), 400);
  assert.equal(await tryCreate(teamC.id), 403);

  // The tasks list holds A's tasks only.
  await page.goto(`${server.url}/tasks`);
  await page.getByText(name, { exact: true }).waitFor();
  assert.equal(await page.getByText(taskB.name, { exact: true }).count(), 0);
  await page.close();
});
