import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHadoopXml, resourceManagerWebAddresses } from './yarn-site.js';

const site = (props: Record<string, string>) =>
  `<?xml version="1.0"?>\n<configuration>\n${Object.entries(props).map(([n, v]) => `  <property>\n    <name>${n}</name>\n    <value>${v}</value>\n  </property>`).join('\n')}\n</configuration>\n`;

test('the web address yarn-site.xml names, given outright or derived from the host name as Hadoop does', () => {
  assert.deepEqual(resourceManagerWebAddresses(parseHadoopXml(site({ 'yarn.resourcemanager.webapp.address': 'rm.corp:18088' }))), ['rm.corp:18088']);
  assert.deepEqual(resourceManagerWebAddresses(parseHadoopXml(site({ 'yarn.resourcemanager.hostname': 'rm.corp' }))), ['rm.corp:8088']);
  assert.deepEqual(
    resourceManagerWebAddresses(parseHadoopXml(site({ 'yarn.resourcemanager.hostname': 'rm.corp', 'yarn.resourcemanager.webapp.address': '${yarn.resourcemanager.hostname}:9088' }))),
    ['rm.corp:9088'],
  );
  assert.deepEqual(
    resourceManagerWebAddresses(parseHadoopXml(site({ 'yarn.resourcemanager.hostname': 'rm.corp', 'yarn.resourcemanager.webapp.address': '0.0.0.0:9088' }))),
    ['rm.corp:9088'],
    'a web app bound to every interface is reached through the host name',
  );
  assert.deepEqual(resourceManagerWebAddresses(parseHadoopXml(site({}))), [], 'nothing named: nothing to compare');
});

test('with high availability, one address per ResourceManager id', () => {
  const props = parseHadoopXml(site({
    'yarn.resourcemanager.ha.enabled': 'true',
    'yarn.resourcemanager.ha.rm-ids': 'rm1, rm2',
    'yarn.resourcemanager.hostname.rm1': 'master1',
    'yarn.resourcemanager.webapp.address.rm2': 'master2:8090',
  }));
  assert.deepEqual(resourceManagerWebAddresses(props), ['master1:8088', 'master2:8090']);
});

test('comments, escapes and later definitions are read as Hadoop reads them; a DTD is refused', () => {
  const text = `<configuration><!-- <property><name>yarn.resourcemanager.hostname</name><value>commented</value></property> -->
    <property><name>yarn.resourcemanager.hostname</name><value>first</value></property>
    <property><name>yarn.resourcemanager.hostname</name><value> a&amp;b </value></property></configuration>`;
  assert.equal(parseHadoopXml(text).get('yarn.resourcemanager.hostname'), 'a&b');
  // a&b is no host name: left out rather than guessed.
  assert.deepEqual(resourceManagerWebAddresses(parseHadoopXml(text)), []);
  assert.throws(() => parseHadoopXml('<!DOCTYPE x [<!ENTITY a "b">]><configuration/>'), /DTD/);
});
