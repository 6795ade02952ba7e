import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appendPage, EMPTY_WINDOW, prependPage, previousOffset } from './log-window';

const page = (offset: number, text: string, total = 1000) => ({ offset, nextOffset: offset + new TextEncoder().encode(text).length, total, text });

describe('log window', () => {
  test('follow mode appends pages that continue the window', () => {
    let w = appendPage(EMPTY_WINDOW, page(900, 'a\nb\n'), 1000);
    w = appendPage(w, page(904, 'c\n'), 1000);
    assert.deepEqual([w.start, w.end, w.text], [900, 906, 'a\nb\nc\n']);
  });

  test('a page that does not continue (file rotated, or another file) replaces the window', () => {
    const w = appendPage(appendPage(EMPTY_WINDOW, page(900, 'a\n'), 1000), page(0, 'new\n', 4), 1000);
    assert.deepEqual([w.start, w.end, w.text], [0, 4, 'new\n']);
  });

  test('the cap drops whole lines from the front and keeps byte offsets right, also for multi-byte text', () => {
    let w = appendPage(EMPTY_WINDOW, page(0, 'één\ntwo\n'), 1000); // "één\n" is 6 bytes
    w = appendPage(w, page(w.end, 'three\n'), 12);
    assert.equal(w.text, 'two\nthree\n');
    assert.equal(w.start, 6);
    assert.equal(w.dropped, true);
    assert.equal(w.end, 16);
  });

  test('earlier pages prepend and stop at the start of the file', () => {
    const w = appendPage(EMPTY_WINDOW, page(10, 'tail\n'), 1000);
    assert.deepEqual(previousOffset(w, 4), { offset: 6, limit: 4 });
    assert.deepEqual(previousOffset(w, 100), { offset: 0, limit: 10 });
    const earlier = prependPage(w, page(0, '0123456789'));
    assert.deepEqual([earlier.start, earlier.text], [0, '0123456789tail\n']);
    assert.equal(previousOffset(earlier, 100), null);
  });
});
