// Column-level lineage of a FlinkSQL script, from dt-sql-parser's Flink parse tree (see
// flink-sql-statements.ts for why that parser). Pure and synchronous; never throws.
//
// How names resolve:
// - Tables are identified as far as the script qualifies them: written qualifiers, completed by
//   USE CATALOG / USE. Matching is case-insensitive; the first spelling is kept.
// - A table the script reads or writes without creating it (a catalog table) gets a warning and a
//   node whose columns are the ones the script uses.
// - Views, WITH queries and subqueries are resolved through: column edges always start at a real
//   table column, and `via` lists the views a value passed through so the UI can draw them.
//   Views also appear in `tables` (kind 'view') with their output columns.
// - Computed columns trace to the physical or metadata columns their expression uses; one that
//   uses none (`PROCTIME()`) is its own source.
// - Only value lineage makes column edges (what a sink column is computed from); filter, join,
//   group and partition keys do not. Table edges also include every table a writing statement
//   reads, so a table used only in a join or filter still shows up as read.
// - `transform` is the expression as written with whitespace collapsed, with references to
//   computed, view or subquery columns replaced by what they compute; '' for a straight copy.
import type { ParserRuleContext, ParseTree, Token } from 'antlr4ng'; // dt-sql-parser's runtime
import { FlinkSQL } from 'dt-sql-parser';
import * as F from 'dt-sql-parser/dist/lib/flink/FlinkSqlParser.js';
import { parseScript, type ParsedStatement } from './flink-sql-statements.js';
import { PLACEHOLDER_COLUMN } from './grammar-shims.js';
import type {
  LineageColumn,
  LineageColumnEdge,
  LineageProblem,
  LineageResult,
  LineageStatement,
  LineageStatementKind,
  LineageTable,
} from './lineage.schemas.js';

interface ColRef {
  table: string;
  column: string;
}

/** One way a value reaches a column: from a real table column, through these views, by this expression. */
interface Path {
  ref: ColRef;
  via: string[];
  text: string;
  identity: boolean;
  simple: boolean;
}

/** A column of a relation in scope: a table, view, WITH query or subquery output. */
interface Derived {
  name: string;
  paths: Path[];
  /** What a reference to this column stands for when it is not a straight copy. */
  text: string;
  simple: boolean;
  identity: boolean;
}

interface TableModel {
  id: string;
  name: string;
  view: boolean;
  declared: boolean;
  connector: string | null;
  columns: LineageColumn[];
  derived: Derived[];
  /** Columns written by INSERT without a column list: physical and non-virtual metadata columns. */
  writable: string[];
  partitionKeys: string[];
  options: Map<string, string>;
  /** Tables a view reads (resolved through other views). */
  reads: Set<string>;
  read: boolean;
  written: boolean;
}

interface Relation {
  names: string[]; // lower-case qualifiers that address it
  columns: Derived[];
  table?: TableModel; // a real table (not a view), so unknown columns can be added when undeclared
}

interface Scope {
  relations: Relation[];
  parent: Scope | null;
  ctes: Map<string, Derived[]>;
}

const lower = (s: string) => s.toLowerCase();

/**
 * Statements that move no data between tables (they inspect or configure the session), so having no
 * lineage is their whole lineage; any other statement the analyser does not trace gets a warning naming it.
 */
const NO_DATA_FLOW = new Set(['SHOW', 'DESCRIBE', 'DESC', 'EXPLAIN', 'LOAD', 'UNLOAD', 'ADD', 'REMOVE', 'SET', 'RESET', 'USE', 'HELP', 'QUIT', 'EXIT', 'CLEAR']);
const sqlTokens = new FlinkSQL();

function unquote(text: string): string {
  if (text.length >= 2 && text.startsWith('`') && text.endsWith('`')) return text.slice(1, -1).replace(/``/g, '`');
  return text;
}

function isStringLiteral(text: string): boolean {
  return text.startsWith("'") || text.startsWith('"');
}

function children(node: ParseTree): ParseTree[] {
  const out: ParseTree[] = [];
  for (let i = 0; i < node.getChildCount(); i++) {
    const c = node.getChild(i);
    if (c) out.push(c);
  }
  return out;
}

function identifierParts(node: ParserRuleContext | null): string[] {
  if (!node) return [];
  return children(node)
    .filter((c): c is F.IdentifierContext => c instanceof F.IdentifierContext)
    .map((c) => unquote(c.getText()));
}

function identityDerived(table: string, column: string): Derived {
  return {
    name: column,
    paths: [{ ref: { table, column }, via: [], text: column, identity: true, simple: true }],
    text: column,
    simple: true,
    identity: true,
  };
}

/** Strip wrappers down to the node that decides whether text needs parentheses when substituted. */
function isSimpleExpression(node: ParseTree): boolean {
  let n: ParseTree = node;
  for (;;) {
    if (n instanceof F.ExpressionContext || n instanceof F.ComputedColumnExpressionContext || n instanceof F.SelectExpressionColumnNameContext) {
      n = n.getChild(0)!;
    } else if (n instanceof F.PredicatedContext) {
      if (n.predicate()) return false;
      n = n.valueExpression();
    } else if (n instanceof F.ValueExpressionDefaultContext) {
      n = n.primaryExpression();
    } else {
      return n instanceof F.PrimaryExpressionContext || n instanceof F.ColumnNameContext || n instanceof F.OverWindowItemContext;
    }
  }
}

/** Whether a reference is an operand of an operator, so substituting a compound expression needs parentheses. */
function isOperand(ref: ParseTree): boolean {
  let child: ParseTree = ref;
  for (let n = ref.parent; n; child = n, n = n.parent) {
    if (n instanceof F.ArithmeticBinaryContext || n instanceof F.ArithmeticUnaryContext || n instanceof F.ComparisonContext) return true;
    if (n instanceof F.LogicalBinaryContext || n instanceof F.LogicalNotContext || n instanceof F.PredicateContext) return true;
    if (n instanceof F.PredicatedContext) return n.predicate() !== null && child !== n.predicate();
    if (n instanceof F.SubscriptContext) return true;
    if (!(n instanceof F.ColumnNamePathContext || n instanceof F.UidContext || n instanceof F.PrimaryExpressionContext || n instanceof F.ValueExpressionDefaultContext || n instanceof F.ConstantContext || n instanceof F.StringLiteralContext || n instanceof F.DereferenceDefinitionContext)) return false;
  }
  return false;
}

/** An expression that is a bare (possibly quoted) name, as used for an alias. */
function identifierLike(expr: ParseTree): boolean {
  let n: ParseTree | null = expr;
  while (n && n.getChildCount() === 1 && !(n instanceof F.IdentifierContext)) n = n.getChild(0);
  return n instanceof F.IdentifierContext || (n !== null && n.getChildCount() === 0 && /^`.*`$/s.test(n.getText()));
}

class StatementContext {
  private tokens: Token[];
  constructor(
    readonly parsed: ParsedStatement,
    readonly index: number,
  ) {
    // Rendered from the statement as written: rewrites of `text` keep every offset, so tree positions fit both.
    const lexer = sqlTokens.createLexer(parsed.display ?? parsed.text);
    lexer.removeErrorListeners();
    this.tokens = lexer.getAllTokens();
  }

  position(node: ParseTree): { line: number; column: number } {
    const t = node instanceof F.ProgramContext ? node.start : ((node as ParserRuleContext).start ?? (node as { symbol?: Token }).symbol);
    if (!t) return { line: this.parsed.line, column: this.parsed.column };
    return this.parsed.toScript(t.line, t.column + 1);
  }

  /** Source text of [start, stop] with whitespace and comments collapsed to one space and some ranges replaced. */
  render(start: number, stop: number, replacements: { start: number; stop: number; text: string }[] = []): string {
    let out = '';
    let gap = false;
    for (const t of this.tokens) {
      if (t.stop < start) continue;
      if (t.start > stop) break;
      if (t.channel !== 0) {
        gap = true;
        continue;
      }
      const r = replacements.find((x) => t.start >= x.start && t.start <= x.stop);
      if (r && t.start !== r.start) continue;
      if (out && gap) out += ' ';
      gap = false;
      out += r ? r.text : t.text;
    }
    return out;
  }

  /** Where an expression ending at `stop` really ends: over a blanked OVER clause right after it. */
  extendOverBlanked(stop: number): number {
    const source = this.parsed.display ?? this.parsed.text;
    for (const b of this.parsed.blanked) {
      if (b.start > stop && source.slice(stop + 1, b.start).trim() === '') return b.stop - 1;
    }
    return stop;
  }

  text(node: ParserRuleContext): string {
    return node.start && node.stop ? this.render(node.start.start, node.stop.stop) : node.getText();
  }
}

interface Ref {
  node: ParserRuleContext;
  parts: string[];
  derived?: Derived;
}

export function analyzeLineage(script: string): LineageResult {
  try {
    return new Analyzer().run(typeof script === 'string' ? script : '');
  } catch (err) {
    // A defect of ours must not take the caller down: report it like a problem in the script.
    return {
      tables: [],
      columnEdges: [],
      tableEdges: [],
      statements: [],
      warnings: [],
      errors: [{ message: `Lineage analysis failed: ${err instanceof Error ? err.message : String(err)}`, line: 1, column: 1 }],
    };
  }
}

class Analyzer {
  private tables = new Map<string, TableModel>();
  private catalog: string | null = null;
  private database: string | null = null;
  private edges = new Map<string, LineageColumnEdge>();
  private tableEdges = new Map<string, { from: string; to: string }>();
  private statements: LineageStatement[] = [];
  private warnings: LineageProblem[] = [];
  private errors: LineageProblem[] = [];
  private warnedTables = new Set<string>();
  private st!: StatementContext;
  /** Base tables read by the statement being analysed. */
  private reads = new Set<string>();

  run(script: string): LineageResult {
    const parsed = parseScript(script);
    parsed.forEach((p, index) => {
      this.st = new StatementContext(p, index);
      this.reads = new Set();
      const statement: LineageStatement = { index, kind: 'other', line: p.line, sinks: [] };
      this.statements.push(statement);
      if (p.unsupported) {
        const flink2 = /MODEL|MATERIALIZED|ML_|VECTOR/.test(p.unsupported);
        this.warnings.push({
          message: `${p.unsupported}${flink2 ? ' (Flink 2.x)' : ''} is not analysed for lineage: ${p.unsupportedReason ?? 'the graph leaves out what this statement reads and writes'}`,
          line: p.line,
          column: p.column,
        });
        return;
      }
      if (p.errors.length > 0 || !p.tree) {
        this.errors.push(...p.errors);
        statement.kind = p.errors.length > 0 ? 'invalid' : this.kindFromLeading(p.leading);
        return;
      }
      try {
        const sql = p.tree.singleStatement(0)?.sqlStatement();
        if (sql) this.statement(sql, statement);
        if (statement.kind === 'other' && !NO_DATA_FLOW.has(p.leading[0] ?? '')) {
          this.warn(p.tree, `${p.leading.slice(0, 2).join(' ')} is not analysed for lineage: the graph leaves out what this statement reads and writes`);
        }
      } catch (err) {
        this.warn(p.tree, `Statement could not be analysed: ${err instanceof Error ? err.message : String(err)}`);
      }
    });
    return this.result();
  }

  private kindFromLeading(leading: string[]): LineageStatementKind {
    return leading[0] === 'SET' || leading[0] === 'RESET' ? 'set' : 'other';
  }

  private warn(node: ParseTree, message: string) {
    this.warnings.push({ message, ...this.st.position(node) });
  }

  // ---------- names ----------

  private qualify(parts: string[]): string[] {
    if (parts.length === 1) {
      if (this.database !== null) return this.catalog !== null ? [this.catalog, this.database, parts[0]!] : [this.database, parts[0]!];
      return parts;
    }
    if (parts.length === 2 && this.catalog !== null) return [this.catalog, ...parts];
    return parts;
  }

  private lookupTable(parts: string[]): TableModel | undefined {
    return this.tables.get(lower(this.qualify(parts).join('.')));
  }

  /** The table a statement reads or writes, created as undeclared (with one warning) when the script never defined it. */
  private tableFor(parts: string[], node: ParseTree): TableModel {
    const found = this.lookupTable(parts);
    if (found) return found;
    const model = this.newTable(this.qualify(parts), false);
    if (!this.warnedTables.has(lower(model.id))) {
      this.warnedTables.add(lower(model.id));
      this.warn(node, `Table '${model.id}' is not created in this script; its columns are taken from how the script uses them`);
    }
    return model;
  }

  private newTable(parts: string[], declared: boolean, view = false): TableModel {
    const id = parts.join('.');
    const model: TableModel = {
      id,
      name: parts[parts.length - 1] ?? id,
      view,
      declared,
      connector: null,
      columns: [],
      derived: [],
      writable: [],
      partitionKeys: [],
      options: new Map(),
      reads: new Set(),
      read: false,
      written: false,
    };
    this.tables.set(lower(id), model);
    return model;
  }

  // ---------- statements ----------

  private statement(sql: F.SqlStatementContext, statement: LineageStatement) {
    const ddl = sql.ddlStatement();
    const dml = sql.dmlStatement();
    if (ddl?.createTable()?.simpleCreateTable()) {
      statement.kind = 'create_table';
      this.createTable(ddl.createTable()!.simpleCreateTable()!);
    } else if (ddl?.createTable()?.createTableAsSelect()) {
      statement.kind = 'create_table_as';
      this.createTableAs(ddl.createTable()!.createTableAsSelect()!, statement);
    } else if (ddl?.createView()) {
      statement.kind = 'create_view';
      this.createView(ddl.createView()!);
    } else if (ddl?.createFunction()) statement.kind = 'create_function';
    else if (ddl?.createCatalog()) statement.kind = 'create_catalog';
    else if (ddl?.createDatabase()) statement.kind = 'create_database';
    else if (sql.useStatement()) {
      statement.kind = 'use';
      this.use(sql.useStatement()!);
    } else if (sql.setStatement() || sql.resetStatement()) statement.kind = 'set';
    else if (dml?.insertStatement()) {
      const insert = dml.insertStatement()!;
      const simple = insert.insertSimpleStatement();
      const inserts = simple ? [simple] : (insert.insertMulStatement() ?? insert.insertMulStatementCompatibility())?.insertSimpleStatement() ?? [];
      statement.kind = simple ? 'insert' : 'statement_set';
      for (const one of inserts) {
        this.reads = new Set();
        this.insert(one, statement);
      }
    } else if (dml?.queryStatement()) {
      statement.kind = 'select';
      this.query(dml.queryStatement()!, this.rootScope());
      for (const r of this.reads) this.tables.get(lower(r))!.read = true;
    }
  }

  private use(use: F.UseStatementContext) {
    if (use.KW_CATALOG()) {
      this.catalog = identifierParts(use.catalogPath())[0] ?? null;
      this.database = null;
    } else if (use.databasePath()) {
      const parts = identifierParts(use.databasePath());
      if (parts.length === 2) {
        this.catalog = parts[0]!;
        this.database = parts[1]!;
      } else this.database = parts[0] ?? null;
    }
  }

  private options(withOption: F.WithOptionContext | null): Map<string, string> {
    const out = new Map<string, string>();
    for (const p of withOption?.tablePropertyList().tableProperty() ?? []) {
      const key = unquote(p.tablePropertyKey().getText()).replace(/^'(.*)'$/s, '$1');
      const raw = p.tablePropertyValue()?.getText() ?? '';
      out.set(lower(key), raw.replace(/^'(.*)'$/s, '$1').replace(/''/g, "'"));
    }
    return out;
  }

  private connectorOf(options: Map<string, string>): string | null {
    return options.get('connector') ?? options.get('connector.type') ?? null;
  }

  private createTable(ctx: F.SimpleCreateTableContext) {
    const parts = identifierParts(ctx.tablePathCreate());
    const model = this.newTable(this.qualify(parts), true);
    let options = this.options(ctx.withOption());
    const like = ctx.likeDefinition();
    if (like) {
      const base = this.lookupTable(identifierParts(like.tablePath()));
      if (!base) this.warn(like.tablePath(), `LIKE table '${like.tablePath().getText()}' is not created in this script`);
      else {
        const opts = like.likeOption().map((o) => ({
          mode: o.KW_INCLUDING() ? 'including' : o.KW_EXCLUDING() ? 'excluding' : 'overwriting',
          what: o.KW_ALL() ? 'all' : o.KW_GENERATED() ? 'generated' : o.KW_OPTIONS() ? 'options' : o.KW_WATERMARKS() ? 'watermarks' : 'other',
        }));
        const excluded = (what: string) => {
          let out = false;
          for (const o of opts) if (o.what === what || o.what === 'all') out = o.mode === 'excluding';
          return out;
        };
        for (const col of base.columns) {
          if (col.computed !== undefined && excluded('generated')) continue;
          const derived = base.derived.find((d) => lower(d.name) === lower(col.name))!;
          model.columns.push({ ...col });
          model.derived.push(this.retarget(derived, base.id, model.id));
        }
        model.writable.push(...base.writable);
        if (!excluded('options')) options = new Map([...base.options, ...options]);
        if (!excluded('partitions')) model.partitionKeys.push(...base.partitionKeys);
      }
    }
    model.options = options;
    model.connector = this.connectorOf(options);
    const own: TableModel = { ...model, columns: [], derived: [] };
    for (const def of ctx.columnOptionDefinition()) {
      const physical = def.physicalColumnDefinition();
      const metadata = def.metadataColumnDefinition();
      const computed = def.computedColumnDefinition();
      const name = unquote((physical ?? metadata ?? computed)!.columnNameCreate().getText());
      if (name === PLACEHOLDER_COLUMN) continue;
      if (physical || metadata) {
        const column: LineageColumn = { name, type: this.st.text((physical ?? metadata)!.columnType()) };
        if (metadata) column.metadata = true;
        this.addColumn(model, column, identityDerived(model.id, name));
        own.columns.push(column);
        own.derived.push(identityDerived(model.id, name));
        if (physical || !metadata!.KW_VIRTUAL()) model.writable.push(name);
      } else {
        // Keeps declaration order; filled in below once the physical columns are known.
        this.addColumn(model, { name, type: null, computed: '' }, { name, paths: [], text: name, simple: true, identity: false });
      }
    }
    // Computed columns see the physical and metadata columns of the table (Flink forbids computed-on-computed).
    const scope = this.rootScope([{ names: [lower(model.name)], columns: model.derived.filter((d) => d.identity) }]);
    for (const def of ctx.columnOptionDefinition()) {
      const computed = def.computedColumnDefinition();
      if (!computed) continue;
      const name = unquote(computed.columnNameCreate().getText());
      const expr = computed.computedColumnExpression();
      const value = this.expression(expr, expr, scope);
      const paths = value.paths.length > 0 ? value.paths : [{ ref: { table: model.id, column: name }, via: [], text: value.text, identity: false, simple: value.simple }];
      this.addColumn(model, { name, type: null, computed: value.text }, { ...value, name, paths, identity: false });
    }
    const partition = ctx.partitionDefinition();
    if (partition) {
      for (const t of partition.transformList().transform()) if (t instanceof F.IdentityTransformContext) model.partitionKeys.push(unquote(t.getText()));
    }
  }

  private addColumn(model: TableModel, column: LineageColumn, derived: Derived) {
    const at = model.columns.findIndex((c) => lower(c.name) === lower(column.name));
    if (at >= 0) {
      model.columns[at] = column;
      model.derived[at] = derived;
    } else {
      model.columns.push(column);
      model.derived.push(derived);
    }
  }

  private retarget(d: Derived, from: string, to: string): Derived {
    return { ...d, paths: d.paths.map((p) => (p.ref.table === from ? { ...p, ref: { table: to, column: p.ref.column } } : p)) };
  }

  private createView(ctx: F.CreateViewContext) {
    const parts = this.qualify(identifierParts(ctx.viewPathCreate()));
    const outputs = this.query(ctx.queryStatement(), this.rootScope());
    const names = ctx.columnNameList()?.columnName().map((c) => unquote(c.getText())) ?? [];
    const model = this.newTable(parts, true, true);
    model.reads = new Set(this.reads);
    outputs.forEach((o, i) => {
      const name = names[i] ?? o.name;
      this.addColumn(model, { name, type: null }, { ...o, name, paths: o.paths.map((p) => ({ ...p, via: [...p.via, model.id] })) });
    });
  }

  private createTableAs(ctx: F.CreateTableAsSelectContext, statement: LineageStatement) {
    const parts = this.qualify(identifierParts(ctx.tablePathCreate()));
    const query = ctx.queryStatement();
    const model = this.newTable(parts, true);
    model.options = this.options(ctx.withOption());
    model.connector = this.connectorOf(model.options);
    if (!query) return;
    const outputs = this.query(query, this.rootScope());
    // A column list (Flink 2.0+) declares types and may add columns the query does not return: those
    // come first, then the query's columns in its order; query columns are matched to declared ones by name.
    const declared = this.declaredColumns();
    const fromQuery = new Set(outputs.map((o) => lower(o.name)));
    for (const d of declared) {
      if (fromQuery.has(lower(d.name))) continue;
      this.addColumn(model, d, identityDerived(model.id, d.name));
      if (d.computed === undefined) model.writable.push(d.name);
    }
    for (const o of outputs) {
      const type = declared.find((d) => lower(d.name) === lower(o.name))?.type ?? null;
      this.addColumn(model, { name: o.name, type }, identityDerived(model.id, o.name));
      model.writable.push(o.name);
    }
    this.write(model, outputs.map((o) => o.name), outputs, statement);
  }

  /** The columns a CREATE TABLE AS declares in its column list (Flink 2.0+), or none. */
  private declaredColumns(): LineageColumn[] {
    const parsed = this.st.parsed.declaredColumns;
    const create = parsed?.tree?.singleStatement(0)?.sqlStatement()?.ddlStatement()?.createTable()?.simpleCreateTable();
    if (!parsed || !create) return [];
    const render = new StatementContext(parsed, this.st.index);
    return create.columnOptionDefinition().flatMap((def): LineageColumn[] => {
      const physical = def.physicalColumnDefinition();
      const metadata = def.metadataColumnDefinition();
      const computed = def.computedColumnDefinition();
      const name = unquote((physical ?? metadata ?? computed)!.columnNameCreate().getText());
      if (name === PLACEHOLDER_COLUMN) return [];
      if (computed) return [{ name, type: null, computed: render.text(computed.computedColumnExpression()) }];
      const column: LineageColumn = { name, type: render.text((physical ?? metadata)!.columnType()) };
      if (metadata) column.metadata = true;
      return [column];
    });
  }

  private insert(ctx: F.InsertSimpleStatementContext, statement: LineageStatement) {
    const sink = this.tableFor(identifierParts(ctx.tablePath()), ctx.tablePath());
    if (sink.view) {
      this.warn(ctx.tablePath(), `'${sink.id}' is a view and cannot be written`);
      return;
    }
    const query = ctx.queryStatement();
    const outputs: Derived[] = query
      ? this.query(query, this.rootScope())
      : (ctx.valuesDefinition()?.valuesRowDefinition(0)?.valueDefinition() ?? []).map((v, i) => ({
          name: `EXPR$${i}`,
          paths: [],
          text: this.st.text(v),
          simple: true,
          identity: false,
        }));
    const listed = ctx.columnNameList()?.columnName().map((c) => unquote(c.getText()));
    const staticPartition = new Set(
      ctx.insertPartitionDefinition()?.tablePropertyList().tableProperty().map((p) => lower(unquote(p.tablePropertyKey().getText()))) ?? [],
    );
    let targets: string[];
    if (listed) targets = listed;
    else if (!sink.declared && sink.columns.length === 0) targets = outputs.map((o) => o.name);
    else targets = (sink.declared ? sink.writable : sink.columns.map((c) => c.name)).filter((c) => !staticPartition.has(lower(c)));
    if (targets.length !== outputs.length) {
      this.warn(query ?? ctx, `INSERT INTO '${sink.id}' writes ${targets.length} column(s) but the query returns ${outputs.length}`);
    }
    for (const t of targets) {
      if (!sink.columns.some((c) => lower(c.name) === lower(t))) {
        if (sink.declared) this.warn(ctx.tablePath(), `Column '${t}' is not a column of '${sink.id}'`);
        else this.addColumn(sink, { name: t, type: null }, identityDerived(sink.id, t));
      }
    }
    this.write(sink, targets, outputs, statement);
  }

  private write(sink: TableModel, targets: string[], outputs: Derived[], statement: LineageStatement) {
    sink.written = true;
    if (!statement.sinks.includes(sink.id)) statement.sinks.push(sink.id);
    const n = Math.min(targets.length, outputs.length);
    for (let i = 0; i < n; i++) {
      const column = sink.columns.find((c) => lower(c.name) === lower(targets[i]!))?.name ?? targets[i]!;
      for (const p of outputs[i]!.paths) {
        const edge: LineageColumnEdge = {
          from: p.ref,
          to: { table: sink.id, column },
          transform: p.identity ? '' : p.text,
          statementIndex: statement.index,
          via: p.via,
        };
        this.edges.set(JSON.stringify(edge), edge);
        this.addTableEdge(p.ref.table, sink.id);
      }
    }
    for (const r of this.reads) {
      this.tables.get(lower(r))!.read = true;
      this.addTableEdge(r, sink.id);
    }
  }

  private addTableEdge(from: string, to: string) {
    this.tableEdges.set(`${lower(from)}\u0000${lower(to)}`, { from, to });
  }

  // ---------- queries ----------

  private rootScope(relations: Relation[] = []): Scope {
    return { relations, parent: null, ctes: new Map() };
  }

  private query(ctx: F.QueryStatementContext, outer: Scope): Derived[] {
    const values = ctx.valuesClause();
    if (values) {
      return values.expression().length > 0
        ? this.rowValues(values.expression(0)!).map((e, i) => ({ name: `EXPR$${i}`, paths: [], text: e, simple: true, identity: false }))
        : [];
    }
    const withClause = ctx.withClause();
    if (withClause) {
      const scope: Scope = { relations: outer.relations, parent: outer.parent, ctes: new Map(outer.ctes) };
      for (const item of withClause.withItem()) {
        const name = unquote(item.withItemName().getText());
        const columns = this.query(item.queryStatement(), scope);
        const renames = item.columnName().map((c) => unquote(c.getText()));
        scope.ctes.set(lower(name), columns.map((c, i) => ({ ...c, name: renames[i] ?? c.name })));
      }
      return this.query(ctx.queryStatement(0)!, scope);
    }
    const subqueries = ctx.queryStatement();
    if (subqueries.length === 1) return this.query(subqueries[0]!, outer);
    if (subqueries.length === 2) {
      const left = this.query(subqueries[0]!, outer);
      const right = this.query(subqueries[1]!, outer);
      if (left.length !== right.length) this.warn(ctx, `Both sides of ${ctx._operator?.text?.toUpperCase() ?? 'UNION'} must return the same number of columns`);
      if (ctx.KW_EXCEPT() || ctx.KW_INTERSECT()) return left; // rows of the right side never reach the output
      return left.map((l, i) => {
        const r = right[i];
        if (!r) return l;
        const paths = [...l.paths, ...r.paths];
        const identity = l.identity && r.identity;
        const sameText = l.text === r.text;
        return { name: l.name, paths, identity, text: identity || sameText ? l.text : l.name, simple: sameText ? l.simple : true };
      });
    }
    const select = ctx.selectStatement();
    if (select) return this.select(select.selectClause(), select.fromClause(), outer, select.matchRecognizeClause());
    const clause = ctx.selectClause();
    if (clause) return this.select(clause, null, outer);
    return [];
  }

  private rowValues(expr: F.ExpressionContext): string[] {
    // VALUES (1, 'a') parses as one parenthesised expression per row; only its width and text matter here.
    const text = this.st.text(expr);
    return text.startsWith('(') ? text.slice(1, -1).split(',').map((s) => s.trim()) : [text];
  }

  private select(clause: F.SelectClauseContext, from: F.FromClauseContext | null, outer: Scope, match: F.MatchRecognizeClauseContext | null = null): Derived[] {
    const scope: Scope = { relations: [], parent: outer.relations.length > 0 || outer.parent ? outer : null, ctes: outer.ctes };
    if (from) scope.relations = this.tableExpression(from.tableExpression(), scope);
    if (match) scope.relations = [this.matchRecognize(match, scope)];
    const out: Derived[] = [];
    clause
      .selectList()
      .columnProjectItem()
      .forEach((item, position) => {
        const all = item.tableAllColumns();
        if (all) {
          const qualifier = identifierParts(all).map(lower);
          const relations = qualifier.length === 0 ? scope.relations : scope.relations.filter((r) => r.names.includes(qualifier.join('.')) || r.names.includes(qualifier[qualifier.length - 1]!));
          if (qualifier.length > 0 && relations.length === 0) this.warn(all, `No table '${qualifier.join('.')}' in FROM`);
          for (const r of relations) {
            if (r.table && !r.table.declared && r.columns.length === 0) this.warn(all, `Cannot expand '*' of '${r.table.id}': its columns are not known`);
            out.push(...r.columns);
          }
          return;
        }
        const alias = item.columnAlias() ? unquote(item.columnAlias()!.identifier().getText()) : null;
        const window = item.selectWindowItemColumnName()?.overWindowItem();
        if (window) {
          const end = window.windowSpec() ?? window.errorCapturingIdentifier() ?? window.primaryExpression();
          const value = this.expression(window.primaryExpression(), window, scope, end.stop?.stop);
          out.push({ ...value, name: unquote(window.identifier().getText()), simple: true, identity: false });
          return;
        }
        const literal = item.selectLiteralColumnName()?.columnName();
        const trailing = item.expression();
        if (literal && trailing && !(trailing.getText().length > 0 && identifierLike(trailing))) {
          // `a + b` and `udf(x)` without an alias match the grammar's `columnName AS? expression`
          // (a, then +b; udf, then (x)): the name before a parenthesis is a function, not a column.
          const value = this.expression(trailing.getText().startsWith('(') ? trailing : item, item, scope);
          out.push({ ...value, name: `EXPR$${position}` });
          return;
        }
        if (literal) {
          const rawAlias = trailing ? unquote(this.st.text(trailing)) : alias;
          const text = literal.getText();
          if (isStringLiteral(text) || /^[0-9]+$/.test(text)) {
            out.push({ name: rawAlias ?? `EXPR$${position}`, paths: [], text: this.st.text(literal), simple: true, identity: false });
            return;
          }
          const parts = identifierParts(literal.uidAllowEmpty());
          const value = this.expression(literal, literal, scope);
          out.push({ ...value, name: rawAlias ?? parts[parts.length - 1] ?? text });
          return;
        }
        const expr = item.selectExpressionColumnName();
        if (expr) {
          const named = alias ?? (item.columnName() ? unquote(item.columnName()!.getText()) : null);
          const value = this.expression(expr, expr, scope);
          out.push({ ...value, name: named ?? this.defaultName(expr, position) });
        }
      });
    return out;
  }

  /**
   * The rows MATCH_RECOGNIZE returns: the partition columns, then each measure (ONE ROW PER MATCH, the
   * default), or every input column then the measures (ALL ROWS PER MATCH). Pattern variables (`A.price`)
   * address the input rows, so a measure traces to the input columns it uses.
   */
  private matchRecognize(ctx: F.MatchRecognizeClauseContext, scope: Scope): Relation {
    const pattern = ctx.patternDefinition() ? this.st.text(ctx.patternDefinition()!).split(/\bWITHIN\b/i)[0]! : '';
    const variables = [...pattern.matchAll(/`([^`]+)`|([A-Za-z_][A-Za-z_0-9]*)/g)].map((m) => lower(m[1] ?? m[2]!)).filter((v) => v !== 'pattern');
    const input: Scope = { ...scope, relations: scope.relations.map((r) => ({ ...r, names: [...r.names, ...variables] })) };
    const columns: Derived[] = [];
    const allRows = Boolean(ctx.outputMode()?.KW_ALL());
    if (allRows) for (const r of scope.relations) columns.push(...r.columns);
    else {
      for (const key of ctx.partitionByClause()?.columnName() ?? []) {
        const value = this.expression(key, key, input);
        const parts = identifierParts(key.uidAllowEmpty());
        columns.push({ ...value, name: parts[parts.length - 1] ?? unquote(key.getText()) });
      }
    }
    for (const item of ctx.measuresClause()?.projectItemDefinition() ?? []) {
      const expr = item.expression();
      if (!expr) continue;
      const value = this.expression(expr, expr, input);
      const name = item.columnName() ? unquote(item.columnName()!.getText()) : `EXPR$${columns.length}`;
      columns.push({ ...value, name });
    }
    const alias = ctx.identifier();
    const table = scope.relations.length === 1 ? scope.relations[0]!.table : undefined;
    return { names: alias ? [lower(unquote(alias.getText()))] : [], columns, ...(table && !table.declared ? { table } : {}) };
  }

  private defaultName(expr: F.SelectExpressionColumnNameContext, position: number): string {
    const refs: Ref[] = [];
    this.collectRefs(expr, refs);
    const text = expr.getText();
    if (refs.length === 1 && (refs[0]!.node.getText() === text || `\`${refs[0]!.parts.join('.')}\`` === text)) {
      return refs[0]!.parts[refs[0]!.parts.length - 1]!;
    }
    return `EXPR$${position}`;
  }

  private tableExpression(ctx: F.TableExpressionContext, scope: Scope): Relation[] {
    const nested = ctx.tableExpression();
    if (nested.length > 0) {
      const left = this.tableExpression(nested[0]!, scope);
      // LATERAL and correlated right sides see the left side.
      const right = nested[1] ? this.tableExpression(nested[1], { ...scope, relations: [...scope.relations, ...left] }) : [];
      return [...left, ...right];
    }
    const tvf = ctx.windowTVFClause();
    if (tvf) return this.windowTvf(tvf.windowTVFExpression(), scope);
    const inline = ctx.inlineDataValueClause();
    if (inline) {
      const alias = inline.tableAlias();
      const names = identifierParts(alias.identifierList()?.identifierSeq() ?? null);
      return [{ names: [lower(unquote(alias.identifier().getText()))], columns: names.map((n) => ({ name: n, paths: [], text: n, simple: true, identity: false })) }];
    }
    const out: Relation[] = [];
    for (const ref of ctx.tableReference()) {
      const relation = this.tableReference(ref, { ...scope, relations: [...scope.relations, ...out] });
      if (relation) out.push(relation);
    }
    return out;
  }

  private tableReference(ref: F.TableReferenceContext, scope: Scope): Relation | null {
    const primary = ref.tablePrimary();
    const alias = ref.tableAlias();
    const aliasName = alias ? lower(unquote(alias.identifier().getText())) : null;
    const renames = identifierParts(alias?.identifierList()?.identifierSeq() ?? null);
    const rename = (columns: Derived[]) => columns.map((c, i) => (renames[i] ? { ...c, name: renames[i]! } : c));
    const path = primary.tablePath() ?? primary.viewPath();
    if (path) {
      const relation = this.namedRelation(identifierParts(path), path, scope);
      if (aliasName) relation.names = [aliasName];
      relation.columns = rename(relation.columns);
      return relation;
    }
    const fn = primary.atomFunctionTable();
    if (fn) {
      const value = this.expression(fn.functionCallExpression(), fn.functionCallExpression(), scope);
      const names = renames.length > 0 ? renames : ['f0'];
      return { names: aliasName ? [aliasName] : [], columns: names.map((n) => ({ ...value, name: n, identity: false })) };
    }
    const atom = primary.atomExpressionTable();
    if (atom?.queryStatement()) {
      const columns = this.query(atom.queryStatement()!, atom.KW_LATERAL() ? scope : { ...scope, relations: [], parent: scope.parent });
      return { names: aliasName ? [aliasName] : [], columns: rename(columns) };
    }
    if (atom?.expression()) {
      const value = this.expression(atom.expression()!, atom, scope);
      const names = renames.length > 0 ? renames : ['f0'];
      return { names: aliasName ? [aliasName] : [], columns: names.map((n) => ({ ...value, name: n, identity: false, simple: true })) };
    }
    return null;
  }

  /** A table, view or WITH query addressed by name. */
  private namedRelation(parts: string[], node: ParseTree, scope: Scope): Relation {
    if (parts.length === 1) {
      const cte = scope.ctes.get(lower(parts[0]!));
      if (cte) return { names: [lower(parts[0]!)], columns: cte };
    }
    const table = this.tableFor(parts, node);
    const names = [lower(table.name), lower(parts.join('.')), lower(table.id)];
    if (table.view) {
      for (const r of table.reads) this.reads.add(r);
      return { names, columns: table.derived };
    }
    this.reads.add(table.id);
    return { names, columns: table.derived, table };
  }

  private windowTvf(ctx: F.WindowTVFExpressionContext, scope: Scope): Relation[] {
    let input: Relation | null = null;
    let timeColumn: string | null = null;
    let timeNode: ParseTree = ctx;
    for (const p of ctx.windowTVFParam()) {
      const table = p.timeAttrColumn();
      if (table && p.KW_TABLE()) input = this.namedRelation(identifierParts(table.uid()), table, scope);
      const descriptor = p.columnDescriptor();
      if (descriptor) {
        timeColumn = unquote(descriptor.columnName().getText());
        timeNode = descriptor;
      }
    }
    if (!input) {
      this.warn(ctx, 'Window function without an input table');
      return [];
    }
    const renamed = this.st.parsed.renamedWindows.get(ctx.start!.start);
    const call = renamed ? renamed.originalText.replace(/\s+/g, ' ') : this.st.text(ctx);
    const time = timeColumn ? this.column(input, timeColumn) : undefined;
    if (timeColumn && !time) this.warn(timeNode, `Column '${timeColumn}' not found in the window's input`);
    const windowColumn = (name: string): Derived => {
      const text = `${call}.${name}`;
      return { name, text, simple: true, identity: false, paths: (time?.paths ?? []).map((p) => ({ ...p, text, identity: false, simple: true })) };
    };
    const alias = this.st.parsed.windowAliases.get(ctx.start!.start);
    const names = alias ? [lower(alias)] : input.names;
    return [{ names, columns: [...input.columns, windowColumn('window_start'), windowColumn('window_end'), windowColumn('window_time')], ...(input.table ? { table: input.table } : {}) }];
  }

  private column(relation: Relation, name: string): Derived | undefined {
    const found = relation.columns.find((c) => lower(c.name) === lower(name));
    if (found || !relation.table || relation.table.declared) return found;
    // An undeclared table: the column exists because the script uses it.
    const table = relation.table;
    const derived = identityDerived(table.id, name);
    this.addColumn(table, { name, type: null }, derived);
    return derived;
  }

  // ---------- expressions ----------

  private collectRefs(node: ParseTree, out: Ref[], scope?: Scope) {
    if (node instanceof F.SubqueryExpressionContext) {
      if (!scope) return;
      const first = this.query(node.queryStatement(), scope)[0];
      if (first) out.push({ node, parts: [], derived: first });
      return;
    }
    if (node instanceof F.QueryStatementContext) return; // IN / EXISTS: filters, not values
    if (node instanceof F.ColumnNamePathContext || node instanceof F.DereferenceDefinitionContext || node instanceof F.UidAllowEmptyContext) {
      if (!isStringLiteral(node.getText())) out.push({ node, parts: identifierParts(node instanceof F.ColumnNamePathContext ? node.uid() : node) });
      return;
    }
    if (node instanceof F.ConstantContext) {
      const text = node.getText();
      if (text.startsWith('`')) out.push({ node, parts: [unquote(text)] });
      return;
    }
    for (const c of children(node)) this.collectRefs(c, out, scope);
  }

  private resolve(ref: Ref, scope: Scope): Derived | undefined {
    if (ref.derived) return ref.derived;
    const parts = ref.parts;
    const nested = (d: Derived | undefined, used: number): Derived | undefined => {
      if (!d || used === parts.length) return d;
      // Field access into a ROW column: not a straight copy any more.
      const text = parts.slice(used - 1).join('.');
      return { ...d, identity: false, text, paths: d.paths.map((p) => ({ ...p, identity: false, text, simple: true })) };
    };
    for (let s: Scope | null = scope; s; s = s.parent) {
      if (parts.length >= 2) {
        for (let q = Math.min(parts.length - 1, 3); q >= 1; q--) {
          const qualifier = lower(parts.slice(0, q).join('.'));
          const relation = s.relations.find((r) => r.names.includes(qualifier));
          if (relation) {
            const column = this.column(relation, parts[q]!);
            if (column) return nested(column, q + 1);
          }
        }
      }
      const matches = s.relations.filter((r) => r.columns.some((c) => lower(c.name) === lower(parts[0]!)));
      if (matches.length > 1) this.warn(ref.node, `Column '${parts[0]}' is ambiguous; using the first table that has it`);
      if (matches[0]) return nested(this.column(matches[0], parts[0]!), 1);
      const open = s.relations.filter((r) => r.table && !r.table.declared);
      if (open.length === 1 && s.relations.length === 1 && parts.length === 1) return this.column(open[0]!, parts[0]!);
    }
    return undefined;
  }

  /**
   * Value lineage of an expression. `refsFrom` is searched for column references; `node` spans the text
   * (an OVER item renders its window spec but takes references only from the aggregate call).
   */
  private expression(refsFrom: ParseTree, node: ParserRuleContext, scope: Scope, stop?: number): Derived {
    const refs: Ref[] = [];
    this.collectRefs(refsFrom, refs, scope);
    const resolved: { ref: Ref; derived: Derived }[] = [];
    for (const ref of refs) {
      const derived = this.resolve(ref, scope);
      if (derived) resolved.push({ ref, derived });
      else if (ref.parts.length > 0) this.warn(ref.node, `Column '${ref.parts.join('.')}' not found`);
    }
    const start = node.start!.start;
    const end = this.st.extendOverBlanked(stop ?? node.stop?.stop ?? start);
    const replacementFor = (r: { ref: Ref; derived: Derived }, pathText?: { text: string; simple: boolean; identity: boolean }) => {
      const source = pathText ?? r.derived;
      if (source.identity || r.ref.derived) return null;
      const text = source.simple || !isOperand(r.ref.node) ? source.text : `(${source.text})`;
      return { start: r.ref.node.start!.start, stop: r.ref.node.stop!.stop, text };
    };
    const base = resolved.map((r) => replacementFor(r)).filter((x): x is NonNullable<typeof x> => x !== null);
    const text = this.st.render(start, end, base);
    const single = resolved.length === 1 && refs.length === 1 && !resolved[0]!.ref.derived && this.coversWhole(resolved[0]!.ref.node, node, stop);
    const simple = isSimpleExpression(node);
    const paths: Path[] = [];
    for (const r of resolved) {
      for (const p of r.derived.paths) {
        if (single) {
          paths.push({ ...p, text: p.identity ? text : p.text });
          continue;
        }
        const replacements = resolved
          .map((o) => (o === r ? replacementFor(o, p) : replacementFor(o)))
          .filter((x): x is NonNullable<typeof x> => x !== null);
        paths.push({ ref: p.ref, via: p.via, text: this.st.render(start, end, replacements), identity: false, simple });
      }
    }
    const unique = new Map(paths.map((p) => [JSON.stringify([p.ref, p.via, p.text, p.identity]), p]));
    if (single) {
      const d = resolved[0]!.derived;
      return { name: d.name, paths: [...unique.values()], text: d.identity ? text : d.text, simple: d.identity ? true : d.simple, identity: d.identity };
    }
    return { name: '', paths: [...unique.values()], text, simple, identity: false };
  }

  private coversWhole(refNode: ParserRuleContext, node: ParserRuleContext, stop?: number): boolean {
    return refNode.start!.start === node.start!.start && refNode.stop!.stop === (stop ?? node.stop!.stop);
  }

  // ---------- result ----------

  private result(): LineageResult {
    const tables: LineageTable[] = [...this.tables.values()].map((t) => ({
      id: t.id,
      name: t.name,
      kind: t.view ? 'view' : t.written && t.read ? 'both' : t.written ? 'sink' : 'source',
      connector: t.view ? null : t.connector,
      columns: t.columns,
    }));
    return {
      tables,
      columnEdges: [...this.edges.values()],
      tableEdges: [...this.tableEdges.values()],
      statements: this.statements,
      warnings: this.warnings,
      errors: this.errors,
    };
  }
}
