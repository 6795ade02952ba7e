// The English words a Chinese page keeps: names an operator reads in English in Chinese tools too
// (products, protocols, Flink's parts and terms). One list for the check of the translation files
// (locales.test.ts) and for the browser test that reads every page in Chinese (e2e/support/english-words.ts);
// a word belongs here only when it is such a name, never to quiet a text that should be translated.
export const ENGLISH_NAMES: ReadonlySet<string> = new Set([
  // Weir, Flink and their parts
  'Weir', 'Flink', 'FlinkSQL', 'SQL', 'Savepoint', 'Checkpoint', 'Jar', 'JobManager', 'TaskManager', 'HistoryServer', 'Gateway', 'Slot', 'Apache', 'Kafka', 'Main-Class',
  // Hadoop YARN and its parts, with the configuration files an operator names them by
  'YARN', 'Hadoop', 'ResourceManager', 'yarn-site.xml', 'core-site.xml',
  // Flink's job statuses, as its dashboard shows them
  'RUNNING', 'FAILED', 'UNKNOWN', 'RESTARTING', 'TEST',
  // protocols, formats and standard terms
  'ID', 'API', 'REST', 'UI', 'Web', 'CPU', 'HTTP', 'http', 'https', 'JSON', 'TLS', 'STARTTLS', 'SMTP', 'PEM', 'CA', 'HMAC', 'sha256', 'LDAP', 'UTC', 'CI', 'cron', 'Cron', 'Bearer', 'Authorization', 'X-Weir-Signature', 'N',
  // products a channel sends to, with the names of their own settings
  'Webhook', 'webhook', 'Incoming', 'PagerDuty', 'Events', 'v2', 'Routing', 'key', 'events.eu.pagerduty.com', 'Alertmanager', 'Slack', 'Microsoft', 'Teams', 'Lark', 'SEC',
]);
