import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeChatMarkdown, escapeHtml, markdownLinkTarget, oneLine } from './message-escaping.js';

describe('escaping values for chat markdown', () => {
  it('keeps a hostile name on one line, with no markup a renderer acts on', () => {
    const hostile = 'etl\n\n### [RESOLVED] ok\r\n> quoted\u2028![img](http://evil/i.png) [x](http://evil) <a href="x">y</a> &lt; `code` **b** ~~s~~ __u__ @all | t';
    const escaped = escapeChatMarkdown(hostile);
    assert.ok(!/[\r\n\u2028\u2029]/.test(escaped), escaped);
    for (const markup of ['[', ']', '<', '>', '`', '*', '~~', '__', '#', '@', '&', '|', 'http://']) {
      assert.ok(!escaped.includes(markup), `${markup} survived in ${escaped}`);
    }
    // Still readable: the words are all there.
    for (const word of ['etl', 'RESOLVED', 'quoted', 'img', 'evil', 'code', 'all']) assert.ok(escaped.includes(word), word);
  });

  it('leaves ordinary names as they are', () => {
    assert.equal(escapeChatMarkdown('orders_etl-v2 (prod): status became FAILED'), 'orders_etl-v2 (prod): status became FAILED');
    assert.equal(escapeChatMarkdown('订单-同步 2026-11-25T08:00:00.000Z'), '订单-同步 2026-11-25T08:00:00.000Z');
  });

  it('defangs bare web addresses, which the chat clients would link', () => {
    assert.ok(!/https?:\/\//.test(escapeChatMarkdown('see https://evil.example')));
    assert.ok(!/www\./i.test(escapeChatMarkdown('see WWW.evil.example')));
  });

  it('oneLine removes every kind of line break and control character', () => {
    assert.equal(oneLine('a\r\nb\u0085c\u2029d\u0007e\tf'), 'a b c de\tf');
  });

  it('escapeHtml escapes markup and quotes', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('link targets are web addresses only, with nothing that ends the link or opens markup', () => {
    assert.equal(markdownLinkTarget('https://weir.example.com/runs/R1'), 'https://weir.example.com/runs/R1');
    assert.equal(markdownLinkTarget('https://w.example/runs/a)b[c]'), 'https://w.example/runs/a%29b%5Bc%5D');
    assert.equal(markdownLinkTarget('javascript:alert(1)'), undefined);
    assert.equal(markdownLinkTarget('not a url'), undefined);
  });
});
