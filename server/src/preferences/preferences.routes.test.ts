import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import { SESSION_COOKIE } from '../auth/auth.plugin.js';
import { startTestWeir, testApp, type TestWeir } from '../test-support/weir.js';

const PASSWORD = 'preferences-password';
let weir: TestWeir;
let app: FastifyInstance;

/** A fresh login of `username`: what one more browser of the same user has. */
async function session(username: string): Promise<{ cookie: string; 'x-csrf-token': string }> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
  assert.equal(res.statusCode, 200, res.body);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
  return { cookie: `${SESSION_COOKIE}=${cookie.value}`, 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken };
}

const read = (headers: Record<string, string>) => app.inject({ method: 'GET', url: '/api/me/preferences', headers });
const change = (headers: Record<string, string>, payload: unknown) => app.inject({ method: 'PATCH', url: '/api/me/preferences', headers, payload: payload as object });
const errorOf = (res: LightMyRequestResponse) => ({ status: res.statusCode, ...(res.json() as { error: { code: string; message: string } }).error });

before(async () => {
  weir = await startTestWeir({ background: false });
  app = await testApp(weir);
  for (const username of ['pref-viewer', 'pref-other']) await weir.services.auth.createUser(SYSTEM_PRINCIPAL, { username, password: PASSWORD, role: 'viewer' });
});

after(async () => {
  await app?.close();
  await weir?.stop();
});

describe('/api/me/preferences', () => {
  it('needs a login', async () => {
    assert.equal((await read({})).statusCode, 401);
    assert.equal((await change({}, { theme: 'dark' })).statusCode, 401);
  });

  it("a user who never chose reads null; dark chosen in one browser is what the user's next browser reads", async () => {
    const first = await session('pref-viewer');
    assert.deepEqual((await read(first)).json(), { theme: null });
    const changed = await change(first, { theme: 'dark' });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.deepEqual(changed.json(), { theme: 'dark' });
    assert.deepEqual((await read(await session('pref-viewer'))).json(), { theme: 'dark' });
    assert.deepEqual((await read(await session('pref-other'))).json(), { theme: null }, "one user's choice is not another's");
  });

  it('an empty change keeps what was chosen', async () => {
    const headers = await session('pref-viewer');
    await change(headers, { theme: 'light' });
    const unchanged = await change(headers, {});
    assert.equal(unchanged.statusCode, 200, unchanged.body);
    assert.deepEqual(unchanged.json(), { theme: 'light' });
  });

  it('refuses a value or a preference Weir does not know, saying which, and stores nothing', async () => {
    const headers = await session('pref-other');
    const badValue = errorOf(await change(headers, { theme: 'purple' }));
    assert.equal(badValue.status, 400);
    assert.equal(badValue.code, 'VALIDATION');
    assert.match(badValue.message, /theme/);
    const unknownKey = errorOf(await change(headers, { theme: 'dark', fontSize: 20 }));
    assert.equal(unknownKey.status, 400);
    assert.equal(unknownKey.code, 'VALIDATION');
    assert.match(unknownKey.message, /fontSize/);
    assert.deepEqual((await read(headers)).json(), { theme: null });
  });

  it('a browser session must send its CSRF token to change them', async () => {
    const { cookie } = await session('pref-other');
    const res = await change({ cookie }, { theme: 'dark' });
    assert.equal(res.statusCode, 403);
    assert.deepEqual((await read({ cookie })).json(), { theme: null });
  });

  it('an API token is refused: preferences belong to a user', async () => {
    const { secret } = await weir.services.auth.createToken(SYSTEM_PRINCIPAL, 'pref-token', 'viewer');
    const refused = errorOf(await read({ authorization: `Bearer ${secret}` }));
    assert.equal(refused.status, 403);
    assert.match(refused.message, /API token has no preferences/);
  });
});
