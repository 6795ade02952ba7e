import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MASK, maskSqlSecrets } from './sql-secrets.js';

const SQL = `CREATE TABLE orders (id INT) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:mysql://db:3306/shop',
  'username' = 'etl',
  'password' = 'pa''ss=word',
  'key.format' = 'json',
  'key.fields' = 'id',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";',
  's3.access-key' = 'AKIA123',
  'fs.s3a.secret.key' = 'shh',
  'properties.ssl.truststore.password'='tspw',
  'api-token' = 'tv-9f3'
);
SET 'table.exec.sink.not-null-enforcer' = 'DROP';
SET 'fs.oss.accessKeySecret' = 'oss-secret';`;

describe('masking connector secrets in SQL', () => {
  const masked = maskSqlSecrets(SQL);

  it('hides every credential-like option value', () => {
    for (const secret of ["pa''ss=word", 'password="p"', 'AKIA123', 'shh', 'tspw', 'tv-9f3', 'oss-secret']) {
      assert.ok(!masked.includes(secret), `${secret} is still readable:\n${masked}`);
    }
    assert.match(masked, new RegExp(`'password' = '${MASK.replace(/\*/g, '\\*')}'`));
  });

  it('keeps everything else exactly as written', () => {
    for (const kept of ["'connector' = 'jdbc'", "'url' = 'jdbc:mysql://db:3306/shop'", "'username' = 'etl'", "'key.format' = 'json'", "'key.fields' = 'id'", "SET 'table.exec.sink.not-null-enforcer' = 'DROP';"]) {
      assert.ok(masked.includes(kept), kept);
    }
    assert.equal(masked.split('\n').length, SQL.split('\n').length);
    assert.equal(maskSqlSecrets('SELECT * FROM t'), 'SELECT * FROM t');
  });
});
