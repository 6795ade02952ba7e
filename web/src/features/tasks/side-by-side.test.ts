import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toSideBySide } from './side-by-side';
import { formatArgs, optionsToText, parseArgs, textToOptions } from './config-text';

describe('toSideBySide', () => {
  it('puts a replaced line next to its replacement and leaves blanks where one side is longer', () => {
    const rows = toSideBySide([
      { kind: 'same', fromLine: 1, toLine: 1, text: 'a' },
      { kind: 'removed', fromLine: 2, toLine: null, text: 'b' },
      { kind: 'added', fromLine: null, toLine: 2, text: 'B' },
      { kind: 'added', fromLine: null, toLine: 3, text: 'C' },
      { kind: 'same', fromLine: 3, toLine: 4, text: 'd' },
      { kind: 'removed', fromLine: 4, toLine: null, text: 'e' },
    ]);
    const show = (c: { line: number; text: string; changed: boolean } | null) => (c ? `${c.line}${c.changed ? '*' : ''}${c.text}` : '·');
    assert.deepEqual(rows.map((r) => `${show(r.left)}|${show(r.right)}`), ['1a|1a', '2*b|2*B', '·|3*C', '3d|4d', '4*e|·']);
  });
});

describe('config text', () => {
  it('reads Flink options one per line, reports bad lines, and writes them back', () => {
    const { options, errors } = textToOptions("state.backend.type: rocksdb\n# comment\n\ntable.exec.mini-batch.enabled = 'true'\nnot an option\n");
    assert.deepEqual(options, { 'state.backend.type': 'rocksdb', 'table.exec.mini-batch.enabled': 'true' });
    assert.deepEqual(errors, [5]);
    assert.equal(optionsToText(options), 'state.backend.type: rocksdb\ntable.exec.mini-batch.enabled: true');
  });

  it('splits program arguments and keeps quoted spaces', () => {
    assert.deepEqual(parseArgs('--input "a b.txt" --n 3 \'x y\''), ['--input', 'a b.txt', '--n', '3', 'x y']);
    assert.equal(formatArgs(['--input', 'a b.txt', '']), '--input "a b.txt" ""');
  });
});
