// GET /metrics as a scraper and as a browser see it: a Bearer API token or the scrape token opens
// it; nothing, a wrong token or a logged-in viewer's session cookie does not.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE } from '../auth/auth.plugin.js';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import { startTestWeir, testApp, type TestWeir } from '../test-support/weir.js';

const SCRAPE_TOKEN = 'scrape-token-for-the-route-test';

describe('GET /metrics access', () => {
  let weir: TestWeir;
  let app: FastifyInstance;
  let viewerToken: string;
  let teamToken: string;
  let viewerCookie: string;

  before(async () => {
    weir = await startTestWeir({ background: false, config: { metricsExportToken: SCRAPE_TOKEN } });
    app = await testApp(weir);
    viewerToken = (await weir.services.auth.createToken(SYSTEM_PRINCIPAL, 'grafana', 'viewer')).secret;
    const team = await weir.services.teams.create(SYSTEM_PRINCIPAL, { name: 'payments' });
    teamToken = (await weir.services.auth.createToken(SYSTEM_PRINCIPAL, 'payments-grafana', 'admin', { teamId: team.id })).secret;
    await weir.services.auth.createUser(SYSTEM_PRINCIPAL, { username: 'watcher', password: 'a-long-viewer-password', role: 'viewer' });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'watcher', password: 'a-long-viewer-password' } });
    assert.equal(login.statusCode, 200);
    viewerCookie = `${SESSION_COOKIE}=${login.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
  });

  after(async () => {
    await app?.close();
    await weir?.stop();
  });

  const scrape = (headers: Record<string, string>) => app.inject({ method: 'GET', url: '/metrics', headers });

  it("answers 401 without a token, with a wrong one, to a viewer session cookie and to one team's token (the export covers every team)", async () => {
    const refused: Array<Record<string, string>> = [{}, { authorization: 'Bearer weir_wrong' }, { authorization: `Bearer ${SCRAPE_TOKEN}x` }, { cookie: viewerCookie }, { authorization: `Bearer ${teamToken}` }];
    for (const headers of refused) {
      const res = await scrape(headers);
      assert.equal(res.statusCode, 401, JSON.stringify(headers));
      assert.match(String(res.headers['www-authenticate']), /^Bearer /);
      assert.doesNotMatch(res.body, /weir_task_status/);
    }
  });

  it('answers the Prometheus text format to a global API token of any role and to the scrape token', async () => {
    for (const secret of [viewerToken, SCRAPE_TOKEN]) {
      const res = await scrape({ authorization: `Bearer ${secret}` });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/plain; version=0\.0\.4/);
      assert.match(res.body, /^# HELP weir_task_status /m);
      assert.match(res.body, /^weir_scrape_query_seconds \d/m);
    }
  });

  it('is not part of the API description (it is not an /api route)', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    assert.equal(spec.paths['/metrics'], undefined);
  });
});
