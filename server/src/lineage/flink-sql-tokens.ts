// Lexing a FlinkSQL script with dt-sql-parser's Flink lexer, and the token walks the statement
// splitter, the grammar shims and the fallback rewrites share: matching parentheses, a CREATE TABLE's
// name, an edit of the text and where an offset is in it. Every offset is one in the text lexed.
import type { Token } from 'antlr4ng';
import { FlinkSQL } from 'dt-sql-parser';
import { FlinkSqlLexer } from 'dt-sql-parser/dist/lib/flink/FlinkSqlLexer.js';

export { FlinkSqlLexer };

/** The one parser instance: its lexer and parsers are created per text, so it holds no state between them. */
export const flink = new FlinkSQL();

export function lex(text: string): Token[] {
  const lexer = flink.createLexer(text);
  lexer.removeErrorListeners();
  return lexer.getAllTokens();
}

/** Whether a token is code, not a comment or whitespace (those are on hidden channels). */
export const isCode = (t: Token) => t.channel === 0;

/** A token's text upper-cased, or '' past the end: keywords compare whatever case they were written in. */
export const word = (t: Token | undefined) => (t?.text ?? '').toUpperCase();

/** A replacement of `text` for the characters [start, stop) of the text the tokens came from. */
export interface Edit {
  start: number;
  stop: number; // exclusive
  text: string;
}

export function applyEdits(text: string, edits: Edit[]): string {
  let out = '';
  let cursor = 0;
  for (const e of edits) {
    out += text.slice(cursor, e.start) + e.text;
    cursor = e.stop;
  }
  return out + text.slice(cursor);
}

/** Index of the parenthesis that closes the one at `open`, or the last token when none does. */
export function matchingParen(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]!.type;
    if (t === FlinkSqlLexer.LR_BRACKET) depth += 1;
    else if (t === FlinkSqlLexer.RR_BRACKET && --depth === 0) return i;
  }
  return tokens.length - 1;
}

/** Index of the token after `CREATE [TEMPORARY] TABLE [IF NOT EXISTS] a.b.c`, or -1. */
export function afterCreateTableName(tokens: Token[]): number {
  let i = 0;
  const at = (type: number) => tokens[i]?.type === type;
  if (!at(FlinkSqlLexer.KW_CREATE)) return -1;
  i += 1;
  if (at(FlinkSqlLexer.KW_TEMPORARY)) i += 1;
  if (!at(FlinkSqlLexer.KW_TABLE)) return -1;
  i += 1;
  if (at(FlinkSqlLexer.KW_IF)) i += 3;
  i += 1; // first name part
  while (at(FlinkSqlLexer.DOT)) i += 2;
  return i;
}

/** Parenthesis depth of token `at` within the statement. */
export function depthAt(tokens: Token[], at: number): number {
  let depth = 0;
  for (let i = 0; i < at; i++) {
    if (tokens[i]!.type === FlinkSqlLexer.LR_BRACKET) depth += 1;
    else if (tokens[i]!.type === FlinkSqlLexer.RR_BRACKET) depth -= 1;
  }
  return depth;
}

/** The 1-based line and column of an offset of `script`. */
export function lineColumnOf(script: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (script.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
