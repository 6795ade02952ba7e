// Splits a FlinkSQL task script into its statements, classified by their leading keywords, with
// each one's place in the script. What Weir sends of them to the SQL Gateway, and how the gateway's
// error positions map back, is gateway-statements.ts.
//
// Pure text work: quotes ('…', "…", `…`), comments (-- … and /* … */) and both statement-set
// syntaxes are understood; nothing is parsed beyond the leading keywords. The gateway is the
// authority on whether a statement is valid.

export type StatementKind =
  /** SET / RESET: session configuration. */
  | 'SET'
  /** CREATE/DROP/ALTER/USE/LOAD …: catalog changes that start no job. */
  | 'DDL'
  /** INSERT INTO / INSERT OVERWRITE / EXECUTE INSERT: starts a job. */
  | 'INSERT'
  /** EXECUTE STATEMENT SET BEGIN … END, or the SQL client's BEGIN STATEMENT SET; … END; */
  | 'STATEMENT_SET'
  /** CREATE/REPLACE TABLE … AS SELECT: starts a job. */
  | 'CTAS'
  /** SELECT / WITH / VALUES: starts a job whose rows would go nowhere in a task. */
  | 'QUERY'
  /** EXPLAIN, SHOW, DESCRIBE …: no job. */
  | 'OTHER';

export interface ScriptPosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface ScriptStatement extends ScriptPosition {
  /** Index in the statement list (statement-set members carry their set's index). */
  index: number;
  kind: StatementKind;
  /** The text as typed, from its first keyword to before its `;`. */
  text: string;
  /** Offsets in the script: [start, end). */
  start: number;
  end: number;
  /** For STATEMENT_SET: the INSERT statements inside it. */
  members?: ScriptStatement[];
}

export interface ScriptProblem extends ScriptPosition {
  message: string;
  statementIndex: number | null;
}

export interface SplitScript {
  statements: ScriptStatement[];
  problems: ScriptProblem[];
}

export const JOB_KINDS: ReadonlySet<StatementKind> = new Set(['INSERT', 'STATEMENT_SET', 'CTAS', 'QUERY']);

interface Token {
  type: 'word' | 'semi' | 'other';
  /** Upper-cased for words. */
  value: string;
  start: number;
  end: number;
}

/** Words, semicolons and other code; whitespace and comments dropped, quoted text kept as one token. */
function tokenize(script: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = script.length;
  while (i < n) {
    const c = script[i]!;
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '-' && script[i + 1] === '-') {
      while (i < n && script[i] !== '\n') i += 1;
    } else if (c === '/' && script[i + 1] === '*') {
      const close = script.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      const start = i;
      i += 1;
      while (i < n) {
        if (script[i] === c) {
          // A doubled quote is an escaped quote inside the literal.
          if (script[i + 1] === c) i += 2;
          else {
            i += 1;
            break;
          }
        } else i += 1;
      }
      tokens.push({ type: 'other', value: script.slice(start, i), start, end: i });
    } else if (c === ';') {
      tokens.push({ type: 'semi', value: ';', start: i, end: i + 1 });
      i += 1;
    } else if (/[\p{L}\p{N}_$]/u.test(c)) {
      const start = i;
      while (i < n && /[\p{L}\p{N}_$]/u.test(script[i]!)) i += 1;
      tokens.push({ type: 'word', value: script.slice(start, i).toUpperCase(), start, end: i });
    } else {
      tokens.push({ type: 'other', value: c, start: i, end: i + 1 });
      i += 1;
    }
  }
  return tokens;
}

/** 1-based line and column of an offset in the script. */
export function positionOf(script: string, offset: number): ScriptPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < script.length; i += 1) {
    if (script[i] === '\n') {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

interface RawStatement {
  tokens: Token[];
}

/**
 * Statement boundaries: a `;` at top level ends a statement, except inside
 * `EXECUTE STATEMENT SET BEGIN … END` (where it separates the set's members; a CASE … END
 * inside a member does not close the set).
 */
function splitTokens(tokens: Token[]): { statements: RawStatement[]; unclosedSet: Token | null } {
  const statements: RawStatement[] = [];
  let current: Token[] = [];
  let words: string[] = [];
  let inSet = false;
  let setClosed = false;
  let caseDepth = 0;
  const flush = () => {
    if (current.length) statements.push({ tokens: current });
    current = [];
    words = [];
    inSet = false;
    setClosed = false;
    caseDepth = 0;
  };
  for (const token of tokens) {
    if (token.type === 'semi' && !(inSet && !setClosed)) {
      flush();
      continue;
    }
    current.push(token);
    if (token.type !== 'word') continue;
    if (words.length < 4) {
      words.push(token.value);
      if (words.join(' ') === 'EXECUTE STATEMENT SET BEGIN') inSet = true;
      continue;
    }
    if (!inSet || setClosed) continue;
    if (token.value === 'CASE') caseDepth += 1;
    else if (token.value === 'END') {
      if (caseDepth > 0) caseDepth -= 1;
      else setClosed = true;
    }
  }
  const unclosedSet = inSet && !setClosed ? (current[0] ?? null) : null;
  flush();
  return { statements, unclosedSet };
}

function leadingWords(tokens: Token[], count: number): string {
  return tokens
    .filter((t) => t.type === 'word')
    .slice(0, count)
    .map((t) => t.value)
    .join(' ');
}

function classify(tokens: Token[]): StatementKind {
  const first = tokens[0];
  if (!first) return 'OTHER';
  if (first.type === 'other' && first.value === '(') return 'QUERY';
  const head = leadingWords(tokens, 4);
  const word = first.value;
  if (head.startsWith('EXECUTE STATEMENT SET') || head.startsWith('BEGIN STATEMENT SET')) return 'STATEMENT_SET';
  if (word === 'SET' || word === 'RESET') return 'SET';
  if (word === 'INSERT' || head.startsWith('EXECUTE INSERT')) return 'INSERT';
  if (word === 'SELECT' || word === 'WITH' || word === 'VALUES' || word === 'TABLE') return 'QUERY';
  if (word === 'CREATE' || word === 'REPLACE') {
    // CREATE [OR REPLACE] TABLE … AS SELECT starts a job; the `AS` must be at top level.
    const isTable = /^(CREATE (OR REPLACE )?|REPLACE )(TEMPORARY )?TABLE\b/.test(head + ' ');
    return isTable && queryAfterTopLevelAs(tokens) ? 'CTAS' : 'DDL';
  }
  if (['DROP', 'ALTER', 'USE', 'LOAD', 'UNLOAD', 'ADD', 'REMOVE', 'TRUNCATE', 'ANALYZE'].includes(word)) return 'DDL';
  return 'OTHER';
}

/** In CREATE TABLE … AS SELECT: the first token of the query, after the `AS` at top level. */
function queryAfterTopLevelAs(tokens: Token[]): Token | undefined {
  let depth = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i]!;
    if (t.value === '(') depth += 1;
    else if (t.value === ')') depth -= 1;
    else if (depth === 0 && t.type === 'word' && t.value === 'AS' && ['SELECT', 'WITH', '('].includes(tokens[i + 1]?.value ?? '')) return tokens[i + 1];
  }
  return undefined;
}

/**
 * Splits a script into statements. Statement sets become one STATEMENT_SET statement whose
 * members are its INSERTs; problems (an unclosed set, a non-INSERT inside a set) are reported
 * with their script position rather than thrown, so the caller can show them all.
 */
export function splitScript(script: string): SplitScript {
  const tokens = tokenize(script);
  const { statements: raw, unclosedSet } = splitTokens(tokens);
  const problems: ScriptProblem[] = [];
  const statements: ScriptStatement[] = [];

  const make = (ts: Token[], index: number): ScriptStatement => {
    const start = ts[0]!.start;
    const end = ts[ts.length - 1]!.end;
    return { index, kind: classify(ts), text: script.slice(start, end), start, end, ...positionOf(script, start) };
  };
  const problemAt = (offset: number, message: string, statementIndex: number | null) =>
    problems.push({ message, statementIndex, ...positionOf(script, offset) });

  for (let i = 0; i < raw.length; i += 1) {
    const ts = raw[i]!.tokens;
    const index = statements.length;
    const head = leadingWords(ts, 4);
    if (head === 'BEGIN STATEMENT SET' && ts.filter((t) => t.type === 'word').length === 3) {
      // The SQL client's form: BEGIN STATEMENT SET; INSERT …; INSERT …; END;
      const members: ScriptStatement[] = [];
      let j = i + 1;
      for (; j < raw.length; j += 1) {
        const member = raw[j]!.tokens;
        if (member.length === 1 && member[0]!.value === 'END') break;
        const statement = make(member, index);
        if (statement.kind !== 'INSERT') problemAt(statement.start, 'Only INSERT statements may appear inside a statement set', index);
        members.push(statement);
      }
      const set = make(ts, index);
      if (j >= raw.length) {
        problemAt(set.start, 'BEGIN STATEMENT SET has no matching END;', index);
      } else {
        const endToken = raw[j]!.tokens[0]!;
        set.end = endToken.end;
        set.text = script.slice(set.start, set.end);
      }
      set.kind = 'STATEMENT_SET';
      set.members = members;
      if (!members.length) problemAt(set.start, 'The statement set is empty', index);
      statements.push(set);
      i = j;
      continue;
    }
    const statement = make(ts, index);
    if (statement.kind === 'STATEMENT_SET') {
      statement.members = executeSetMembers(ts, index, problemAt, make);
    } else if (ts.length === 1 && ts[0]!.value === 'END') {
      problemAt(statement.start, 'END without BEGIN STATEMENT SET', index);
    }
    statements.push(statement);
  }
  if (unclosedSet) problemAt(unclosedSet.start, 'EXECUTE STATEMENT SET BEGIN has no matching END', statements.at(-1)?.index ?? null);
  return { statements, problems };
}

function executeSetMembers(
  ts: Token[],
  index: number,
  problemAt: (offset: number, message: string, statementIndex: number | null) => void,
  make: (ts: Token[], index: number) => ScriptStatement,
): ScriptStatement[] {
  // Tokens between BEGIN (the 4th word) and the closing END, split at `;`.
  let wordCount = 0;
  let bodyStart = ts.length;
  for (let k = 0; k < ts.length; k += 1) {
    if (ts[k]!.type === 'word' && ++wordCount === 4) {
      bodyStart = k + 1;
      break;
    }
  }
  let bodyEnd = ts.length;
  let caseDepth = 0;
  for (let k = bodyStart; k < ts.length; k += 1) {
    const t = ts[k]!;
    if (t.type !== 'word') continue;
    if (t.value === 'CASE') caseDepth += 1;
    else if (t.value === 'END') {
      if (caseDepth > 0) caseDepth -= 1;
      else {
        bodyEnd = k;
        break;
      }
    }
  }
  const body = ts.slice(bodyStart, bodyEnd);
  const members: ScriptStatement[] = [];
  let current: Token[] = [];
  const flush = () => {
    if (!current.length) return;
    const member = make(current, index);
    if (member.kind !== 'INSERT') problemAt(member.start, 'Only INSERT statements may appear inside a statement set', index);
    members.push(member);
    current = [];
  };
  for (const t of body) {
    if (t.type === 'semi') flush();
    else current.push(t);
  }
  flush();
  if (!members.length) problemAt(ts[0]!.start, 'The statement set is empty', index);
  return members;
}

/**
 * The offset in a job statement's text from which Flink's `EXPLAIN` takes it: after the `EXECUTE`
 * of the EXECUTE forms, at the query of a CREATE TABLE … AS SELECT, else 0 (see asExplained).
 */
export function explainableFrom(text: string, kind: StatementKind): number {
  const tokens = tokenize(text);
  if (kind === 'CTAS') return queryAfterTopLevelAs(tokens)?.start ?? 0;
  if (tokens[0]?.value === 'EXECUTE') return tokens[0].end;
  return 0;
}
