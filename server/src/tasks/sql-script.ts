// Splits a FlinkSQL task script into the statements Weir sends to the SQL Gateway one by one, and
// maps the gateway's error positions (relative to the text it was sent) back to the script.
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

/** A piece of text sent to the gateway, with the way back from its positions to the script's. */
export interface GatewayStatement {
  /** Index of the script statement it came from (a merged set: its first member's). */
  statementIndex: number;
  kind: StatementKind;
  text: string;
  /** Maps a 1-based line/column in `text` to the script. */
  toScript(position: ScriptPosition): ScriptPosition & { statementIndex: number };
}

interface Part {
  statement: ScriptStatement;
  /** Line in the generated text where the statement's text begins. */
  firstLine: number;
  lineCount: number;
}

function mapInside(statement: ScriptStatement, p: ScriptPosition): ScriptPosition {
  return { line: statement.line + p.line - 1, column: p.line === 1 ? statement.column + p.column - 1 : p.column };
}

/** A statement sent exactly as typed. */
export function asTyped(statement: ScriptStatement): GatewayStatement {
  return {
    statementIndex: statement.index,
    kind: statement.kind,
    text: statement.text,
    toScript: (p) => ({ ...mapInside(statement, p), statementIndex: statement.index }),
  };
}

/**
 * One `EXECUTE STATEMENT SET` built from INSERTs (loose ones, or the members of one or more
 * sets), each on its own lines so an error position maps back to the member it is in.
 */
export function asStatementSet(inserts: ScriptStatement[]): GatewayStatement {
  const lines = ['EXECUTE STATEMENT SET', 'BEGIN'];
  const parts: Part[] = [];
  for (const statement of inserts) {
    const lineCount = statement.text.split('\n').length;
    parts.push({ statement, firstLine: lines.length + 1, lineCount });
    lines.push(...`${statement.text};`.split('\n'));
  }
  lines.push('END');
  const first = inserts[0]!;
  return {
    statementIndex: first.index,
    kind: 'STATEMENT_SET',
    text: lines.join('\n'),
    toScript: (p) => {
      const part = parts.find((x) => p.line >= x.firstLine && p.line < x.firstLine + x.lineCount);
      if (!part) return { line: first.line, column: first.column, statementIndex: first.index };
      return { ...mapInside(part.statement, { line: p.line - part.firstLine + 1, column: p.column }), statementIndex: part.statement.index };
    },
  };
}

export interface SubmissionPlan {
  /** Statements that start no job, in script order. */
  setup: GatewayStatement[];
  /** The one statement that starts the task's job; it runs after every setup statement. */
  job: GatewayStatement;
}

export class ScriptPlanError extends Error {
  constructor(readonly problem: ScriptProblem) {
    super(problem.message);
  }
}

/**
 * What Weir sends for a task: every statement that starts no job, in order, then ONE job.
 * Weir fixes the Flink job id before submitting (so the run exists before the job does), and one
 * id is one job: several INSERTs (loose, or in several statement sets) are merged into one
 * statement set. A query or CTAS must be the script's only job statement.
 */
export function planSubmission(script: string): SubmissionPlan {
  const { statements, problems } = splitScript(script);
  if (problems.length) throw new ScriptPlanError(problems[0]!);
  const setup: GatewayStatement[] = [];
  const jobStatements: ScriptStatement[] = [];
  for (const s of statements) {
    if (JOB_KINDS.has(s.kind)) jobStatements.push(s);
    else setup.push(asTyped(s));
  }
  const first = jobStatements[0];
  if (!first) {
    const end = positionOf(script, script.trimEnd().length);
    throw new ScriptPlanError({ message: 'The script starts no Flink job: add an INSERT INTO statement', statementIndex: null, ...end });
  }
  if (jobStatements.length === 1 && first.kind !== 'STATEMENT_SET') return { setup, job: asTyped(first) };
  const other = jobStatements.find((s) => s.kind === 'QUERY' || s.kind === 'CTAS');
  if (other) {
    throw new ScriptPlanError({
      message: `A task runs one Flink job; this ${other.kind === 'CTAS' ? 'CREATE TABLE … AS SELECT' : 'query'} cannot be combined with the other INSERT statements`,
      statementIndex: other.index,
      line: other.line,
      column: other.column,
    });
  }
  const inserts = jobStatements.flatMap((s) => (s.kind === 'STATEMENT_SET' ? (s.members ?? []) : [s]));
  return { setup, job: asStatementSet(inserts) };
}

/**
 * Flink's message with its own positions (relative to the text it was sent) rewritten as script
 * positions, and a sentence Flink repeats ("SQL validation failed. SQL validation failed.") once.
 */
export function messageInScript(message: string, statement: GatewayStatement): string {
  const mapped = message.replace(/\b(at line|from line|to line) (\d+), column (\d+)/gi, (_, words: string, line: string, column: string) => {
    const p = statement.toScript({ line: Number(line), column: Number(column) });
    return `${words} ${p.line}, column ${p.column}`;
  });
  return mapped.replace(/^([^.]+\.)(?: \1)+/, '$1');
}

/**
 * The job statement as Flink's `EXPLAIN` takes it, which validates the statement (tables, columns,
 * types) and plans it without starting a job. Flink 1.20 explains INSERT, queries and
 * `STATEMENT SET BEGIN … END`, but not the `EXECUTE` forms nor CREATE TABLE … AS SELECT, so the
 * words it does not take are blanked out rather than cut: every other character keeps its line and
 * column, and `EXPLAIN` stands on a line of its own, so a position maps back by one line. Of a
 * CTAS only the query is explained; the new table's options are checked when the job starts.
 */
export function asExplained(statement: GatewayStatement): GatewayStatement {
  const tokens = tokenize(statement.text);
  let blankUpTo = 0;
  if (statement.kind === 'CTAS') blankUpTo = queryAfterTopLevelAs(tokens)?.start ?? 0;
  else if (tokens[0]?.value === 'EXECUTE') blankUpTo = tokens[0].end;
  const text = statement.text.slice(0, blankUpTo).replace(/[^\n]/g, ' ') + statement.text.slice(blankUpTo);
  return {
    statementIndex: statement.statementIndex,
    kind: statement.kind,
    text: `EXPLAIN\n${text}`,
    toScript: (p) => (p.line <= 1 ? statement.toScript({ line: 1, column: 1 }) : statement.toScript({ line: p.line - 1, column: p.column })),
  };
}

/** Where a statement the gateway rejected went wrong, in the script's own lines and columns. */
export interface StatementRejection extends ScriptPosition {
  message: string;
  statementIndex: number;
}

/**
 * Flink's rejection of a statement sent as `statement`, located in the script: Flink's position
 * when it gives one, else the statement's start.
 */
export function rejectionInScript(flinkMessage: string, flinkPosition: ScriptPosition | null | undefined, statement: GatewayStatement): StatementRejection {
  const at = statement.toScript(flinkPosition ?? { line: 1, column: 1 });
  return { message: messageInScript(flinkMessage, statement), line: at.line, column: at.column, statementIndex: at.statementIndex };
}
