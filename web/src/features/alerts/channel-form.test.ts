import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AlertChannelRequest, PAGERDUTY_EVENTS_URL, SECRET_MASK, type AlertChannel } from '@weir/contract';
import { channelToFormValues, DEFAULT_CHANNEL_VALUES, formValuesToChannelRequest, issueField, splitList } from './channel-form';

const stored = { id: 'c1', enabled: true, teamId: 'default', createdBy: 'admin', createdAt: 0, updatedAt: 0 };

test('a new webhook with a secret sends the secret; without one it sends null', () => {
  const withSecret = formValuesToChannelRequest({ ...DEFAULT_CHANNEL_VALUES, name: 'hook', url: ' http://127.0.0.1:1/webhook ', secret: 's3cret' });
  assert.deepEqual(withSecret, { type: 'webhook', name: 'hook', enabled: true, config: { url: 'http://127.0.0.1:1/webhook', format: 'weir', secret: 's3cret' } });
  const without = formValuesToChannelRequest({ ...DEFAULT_CHANNEL_VALUES, name: 'hook', url: 'http://x/' });
  assert.equal((without.config as { secret?: unknown }).secret, null);
  assert.ok(AlertChannelRequest.safeParse(withSecret).success);
});

test('an edited channel keeps a secret left as the marker, clears an emptied one, replaces a typed one', () => {
  const channel: AlertChannel = { ...stored, type: 'dingtalk', name: 'dt', config: { url: SECRET_MASK, secret: SECRET_MASK, atMobiles: ['13800000000'], atAll: false } };
  const values = channelToFormValues(channel);
  assert.equal(values.url, SECRET_MASK);
  assert.equal(values.secret, SECRET_MASK);
  const kept = formValuesToChannelRequest(values);
  assert.deepEqual(kept.config, { url: SECRET_MASK, atMobiles: ['13800000000'], atAll: false }, 'the marker is left out (keep)');
  assert.ok(AlertChannelRequest.safeParse(kept).success, 'a robot address given as the marker is valid');
  assert.equal((formValuesToChannelRequest({ ...values, secret: '' }).config as { secret?: unknown }).secret, null);
  assert.equal((formValuesToChannelRequest({ ...values, secret: 'SECnew' }).config as { secret?: unknown }).secret, 'SECnew');
});

test('e-mail: lists split on commas and lines, an unset password stays unset, and the contract checks addresses', () => {
  const channel: AlertChannel = {
    ...stored,
    type: 'email',
    name: 'mail',
    config: { host: 'smtp.example.com', port: 465, security: 'tls', username: 'weir', password: SECRET_MASK, from: 'weir@example.com', to: ['a@example.com', 'b@example.com'], verifyCertificate: true, caCertificate: null },
  };
  const values = channelToFormValues(channel);
  assert.equal(values.to, 'a@example.com\nb@example.com');
  const body = formValuesToChannelRequest({ ...values, to: 'a@example.com, b@example.com;\nc@example.com' });
  assert.deepEqual(body.config, { host: 'smtp.example.com', port: 465, security: 'tls', username: 'weir', from: 'weir@example.com', to: ['a@example.com', 'b@example.com', 'c@example.com'], verifyCertificate: true, caCertificate: null });
  const bad = AlertChannelRequest.safeParse(formValuesToChannelRequest({ ...values, to: 'not-an-address' }));
  assert.equal(bad.success, false);
  assert.deepEqual(bad.error!.issues.map((i) => issueField(i.path)), ['to']);
  assert.deepEqual(splitList(' a ,, b\n'), ['a', 'b']);
});

test('every type maps back to the form and to a valid request', () => {
  const channels: AlertChannel[] = [
    { ...stored, type: 'webhook', name: 'w', config: { url: 'http://h/x', secret: null } },
    { ...stored, type: 'feishu', name: 'f', config: { url: SECRET_MASK, secret: null } },
    { ...stored, type: 'wecom', name: 'q', config: { url: SECRET_MASK } },
    { ...stored, type: 'webhook', name: 'am', config: { url: 'http://h/am', secret: null, format: 'alertmanager' } },
    { ...stored, type: 'slack', name: 's', config: { url: SECRET_MASK } },
    { ...stored, type: 'teams', name: 't', config: { url: SECRET_MASK } },
    { ...stored, type: 'pagerduty', name: 'p', config: { url: PAGERDUTY_EVENTS_URL, routingKey: SECRET_MASK, severity: 'warning' } },
  ];
  for (const c of channels) {
    const body = formValuesToChannelRequest(channelToFormValues(c));
    assert.equal(body.type, c.type);
    assert.ok(AlertChannelRequest.safeParse(body).success, c.type);
  }
});

test('PagerDuty: the endpoint defaults to PagerDuty\'s, the stored routing key is kept as the marker, the format of a webhook comes back', () => {
  const created = formValuesToChannelRequest({ ...DEFAULT_CHANNEL_VALUES, type: 'pagerduty', name: 'oncall', routingKey: 'R0123456789abcdef0123456789abcde', severity: 'error' });
  assert.deepEqual(created.config, { url: PAGERDUTY_EVENTS_URL, severity: 'error', routingKey: 'R0123456789abcdef0123456789abcde' });
  const edited = formValuesToChannelRequest(channelToFormValues({ ...stored, type: 'pagerduty', name: 'oncall', config: { url: PAGERDUTY_EVENTS_URL, routingKey: SECRET_MASK, severity: 'error' } }));
  assert.ok(!('routingKey' in edited.config), 'the marker keeps the stored key: the field is left out');
  const alertmanager = channelToFormValues({ ...stored, type: 'webhook', name: 'am', config: { url: 'http://h/am', secret: null, format: 'alertmanager' } });
  assert.equal(alertmanager.format, 'alertmanager');
  assert.equal((formValuesToChannelRequest(alertmanager).config as { format?: string }).format, 'alertmanager');
});
