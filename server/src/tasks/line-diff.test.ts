import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffLines, type DiffLine } from './line-diff.js';

const compact = (lines: DiffLine[]) => lines.map((l) => `${l.kind === 'same' ? ' ' : l.kind === 'added' ? '+' : '-'}${l.fromLine ?? '.'}:${l.toLine ?? '.'} ${l.text}`);

describe('diffLines', () => {
  it('marks a changed line as removed then added, with both line numbers kept', () => {
    assert.deepEqual(compact(diffLines('a\nb\nc', 'a\nB\nc')), [' 1:1 a', '-2:. b', '+.:2 B', ' 3:3 c']);
  });

  it('finds insertions and deletions in the middle', () => {
    assert.deepEqual(compact(diffLines('a\nb\nc\nd', 'a\nc\nx\nd\ne')), [' 1:1 a', '-2:. b', ' 3:2 c', '+.:3 x', ' 4:4 d', '+.:5 e']);
  });

  it('handles empty sides and identical texts', () => {
    assert.deepEqual(compact(diffLines('', 'x\ny')), ['+.:1 x', '+.:2 y']);
    assert.deepEqual(compact(diffLines('x', '')), ['-1:. x']);
    assert.deepEqual(compact(diffLines('same\ntext', 'same\ntext')), [' 1:1 same', ' 2:2 text']);
  });

  it('rebuilds both texts from its output', () => {
    const from = 'SET a;\nCREATE t;\nINSERT 1;\nINSERT 2;\n-- end';
    const to = 'SET b;\nCREATE t;\nINSERT 2;\nINSERT 3;\n-- end\n';
    const diff = diffLines(from, to);
    assert.equal(diff.filter((l) => l.kind !== 'added').map((l) => l.text).join('\n'), from);
    assert.equal(diff.filter((l) => l.kind !== 'removed').map((l) => l.text).join('\n'), to);
  });
});
