import assert from 'node:assert/strict';
import { it } from 'node:test';
import { optionsOfCreateTable, quoteIdentifier } from './sql-catalog.js';

it('reads the WITH options SHOW CREATE TABLE prints, with doubled quotes undone', () => {
  const ddl = [
    'CREATE TABLE `default_catalog`.`default_database`.`src` (',
    "  `id` INT COMMENT 'the ''id'' = ''x''',",
    '  `name` VARCHAR(2147483647)',
    ') WITH (',
    "  'connector' = 'datagen',",
    "  'fields.name.kind' = 'it''s'",
    ')',
  ].join('\n');
  assert.deepEqual(optionsOfCreateTable(ddl), { connector: 'datagen', 'fields.name.kind': "it's" });
});

it('finds no options where there is no WITH clause', () => {
  assert.deepEqual(optionsOfCreateTable(''), {});
  assert.deepEqual(optionsOfCreateTable("CREATE VIEW v AS SELECT 'a' = 'b'"), {});
});

it('quotes identifiers, doubling a backquote inside', () => {
  assert.equal(quoteIdentifier('my`table'), '`my``table`');
});
