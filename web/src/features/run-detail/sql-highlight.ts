// A small Flink SQL tokenizer for read-only highlighting (keywords, strings, comments, numbers,
// `quoted` names). Pure, so it is tested without a DOM; the view maps token kinds to colours.

export type TokenKind = 'keyword' | 'string' | 'comment' | 'number' | 'identifier' | 'quoted' | 'operator' | 'space';
export interface Token {
  kind: TokenKind;
  text: string;
}

const KEYWORDS = new Set(
  (
    'ADD ALL ALTER AND ANY AS ASC BETWEEN BIGINT BOOLEAN BY CASE CAST CATALOG CHAR COLUMN CREATE CROSS CUBE CURRENT DATABASE DATE DECIMAL ' +
    'DEFAULT DELETE DESC DESCRIBE DISTINCT DOUBLE DROP ELSE END ENFORCED EXCEPT EXECUTE EXISTS EXPLAIN FALSE FIRST FLOAT FOR FROM FULL ' +
    'FUNCTION GROUP GROUPING HAVING HOP IF IN INNER INSERT INT INTEGER INTERVAL INTO IS JAR JOIN KEY LAST LATERAL LEFT LIKE LIMIT LOAD ' +
    'MAP MATCH_RECOGNIZE METADATA MINUS MODULE NOT NULL ON OR ORDER OUTER OVER OVERWRITE PARTITION PARTITIONED PRIMARY RANGE RESET ' +
    'RIGHT ROW ROWS SECOND SELECT SESSION SET SHOW SMALLINT STATEMENT STRING TABLE TEMPORARY THEN TIME TIMESTAMP TIMESTAMP_LTZ TINYINT ' +
    'TO TRUE TUMBLE UNION UNNEST UPDATE USE USING VALUES VARCHAR VIEW VIRTUAL WATERMARK WHEN WHERE WINDOW WITH ARRAY BEGIN'
  ).split(' '),
);

const PATTERNS: [TokenKind, RegExp][] = [
  ['space', /\s+/y],
  ['comment', /--[^\n]*|\/\*[\s\S]*?(\*\/|$)/y],
  ['string', /'(?:[^']|'')*'?/y],
  ['quoted', /`(?:[^`]|``)*`?/y],
  ['number', /\d+(\.\d+)?([eE][+-]?\d+)?/y],
  ['identifier', /[A-Za-z_$][\w$]*/y],
  ['operator', /[^\sA-Za-z0-9_$'`]/y],
];

/** Splits the script into tokens whose texts join back to exactly the script. */
export function tokenizeSql(sql: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < sql.length) {
    let matched = false;
    for (const [kind, re] of PATTERNS) {
      re.lastIndex = at;
      const m = re.exec(sql);
      if (m && m[0].length > 0) {
        const text = m[0];
        const k = kind === 'identifier' && KEYWORDS.has(text.toUpperCase()) ? 'keyword' : kind;
        const last = tokens.at(-1);
        if (last && last.kind === k && (k === 'space' || k === 'operator')) last.text += text;
        else tokens.push({ kind: k, text });
        at += text.length;
        matched = true;
        break;
      }
    }
    if (!matched) {
      tokens.push({ kind: 'operator', text: sql[at]! });
      at += 1;
    }
  }
  return tokens;
}
