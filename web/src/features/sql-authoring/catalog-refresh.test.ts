import assert from 'node:assert/strict';
import { it } from 'node:test';
import { changesCatalog } from './catalog-refresh';

it('finds a statement that changes the catalog anywhere in the script', () => {
  assert.equal(changesCatalog("CREATE TEMPORARY TABLE t (id INT) WITH ('connector' = 'datagen');\nINSERT INTO s SELECT * FROM t;"), true);
  assert.equal(changesCatalog('SET a = b;\n  drop view v'), true);
  assert.equal(changesCatalog('USE CATALOG other; SELECT 1'), true);
});

it('is not fooled by words in comments, strings or quoted names', () => {
  assert.equal(changesCatalog('INSERT INTO s SELECT id FROM t;'), false);
  assert.equal(changesCatalog("-- CREATE TABLE x\nINSERT INTO s SELECT 'a; CREATE TABLE y' FROM t"), false);
  assert.equal(changesCatalog('/* ; DROP TABLE t; */ SELECT `a;create` FROM t'), false);
  assert.equal(changesCatalog(''), false);
});
