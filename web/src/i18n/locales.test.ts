// The word check of the translations: both languages have the same keys, and no Chinese text
// leaves English words in it except names (products, protocols, Flink's terms and statuses) that
// an operator reads in English in Chinese tools too. A new English word in a Chinese value fails
// here; add it to ENGLISH_NAMES (english-names.ts) only when it is such a name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorCode } from '@weir/contract';
import { ENGLISH_NAMES } from './english-names';
import { enUS } from './resources';
import { zhCN } from './resources.zh-CN';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [inner, text] of leaves(value, `${prefix}${key}.`)) out.set(inner, text);
  }
  return out;
}

/** Keys whose values are examples typed into a field, not sentences. */
const EXAMPLE_KEY = /placeholder$/i;

test('both languages have the same keys', () => {
  const en = leaves(enUS as unknown as Tree);
  const zh = leaves(zhCN as unknown as Tree);
  assert.deepEqual([...en.keys()].filter((key) => !zh.has(key)), [], 'English keys missing in Chinese');
  assert.deepEqual([...zh.keys()].filter((key) => !en.has(key)), [], 'Chinese keys missing in English');
});

/** The English words of a Chinese text that are not names. */
function englishIn(value: string): string[] {
  const text = value
    .replace(/\{\{[^}]*\}\}/g, ' ') // interpolated values
    .replace(/`[^`]*`|<code>[^<]*<\/code>/g, ' ') // code
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/<\/?\w+>/g, ' '); // markup of <Trans>
  return (text.match(/[A-Za-z][A-Za-z0-9.-]*/g) ?? []).filter((word) => !ENGLISH_NAMES.has(word.replace(/[.-]$/, '')));
}

test('no English left in a Chinese text, except names', () => {
  const english: string[] = [];
  for (const [key, value] of leaves(zhCN as unknown as Tree)) {
    if (!EXAMPLE_KEY.test(key)) english.push(...englishIn(value).map((word) => `${key}: ${word}`));
  }
  assert.deepEqual(english, []);
});

test('the check notices English beside Chinese, and lets names, values and code through', () => {
  assert.deepEqual(englishIn('Failed to load 作业'), ['Failed', 'to', 'load']);
  assert.deepEqual(englishIn('作业 {{name}} 的 Savepoint：`SET x`，见 https://flink.apache.org/docs'), []);
});

test('every error code the server can send has a text in both languages', () => {
  for (const code of ErrorCode.options) {
    assert.equal(typeof enUS.errors.codes[code], 'string', `errors.codes.${code} in English`);
    assert.equal(typeof zhCN.errors.codes[code], 'string', `errors.codes.${code} in Chinese`);
  }
});

/** The {{values}} a text fills in, sorted. */
function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((m) => m[1]!).sort();
}

/** Texts whose Chinese says a value the English leaves out, and why. */
const MORE_VALUES_IN_CHINESE: Record<string, string> = {
  'errors.reasonWithMessage': "names the code's kind of failure before the server's message, which may quote Flink's English",
};

test('a Chinese text fills in the values its English text does', () => {
  const en = leaves(enUS as unknown as Tree);
  const differ = [...leaves(zhCN as unknown as Tree)].filter(([key, zh]) => en.has(key) && !MORE_VALUES_IN_CHINESE[key] && placeholdersOf(en.get(key)!).join() !== placeholdersOf(zh).join());
  assert.deepEqual(differ.map(([key, zh]) => `${key}: ${en.get(key)} | ${zh}`), []);
});
