// The lineage view's strings, until they move into src/i18n (owned by the app shell): keyed like
// the i18n files so the move is a copy.
import { useTranslation } from 'react-i18next';

const TEXTS = {
  'en-US': {
    tableLevel: 'Tables',
    columnLevel: 'Columns',
    straightCopy: 'copied as is',
    via: 'via',
    statement: 'statement',
    warnings: 'Parts of the SQL could not be resolved; the graph shows what could be',
    errors: 'The SQL has syntax errors; those statements are left out',
    line: 'line {{line}}, column {{column}}',
    empty: 'No lineage: the SQL writes no table',
    clearSelection: 'Click a column to trace it; click the background to clear',
    clearSelectionTable: 'Click a table to trace it; click the background to clear',
    computed: 'computed',
    metadata: 'metadata',
    kind: { source: 'source', sink: 'sink', view: 'view', both: 'source & sink' },
  },
  'zh-CN': {
    tableLevel: '表级',
    columnLevel: '字段级',
    straightCopy: '直接复制',
    via: '经由',
    statement: '语句',
    warnings: '部分 SQL 无法解析，图中展示了能解析的部分',
    errors: 'SQL 存在语法错误，相关语句未纳入血缘',
    line: '第 {{line}} 行，第 {{column}} 列',
    empty: '无血缘：该 SQL 未写入任何表',
    clearSelection: '点击字段查看其上下游，点击空白处取消',
    clearSelectionTable: '点击表查看其上下游，点击空白处取消',
    computed: '计算列',
    metadata: '元数据',
    kind: { source: '源表', sink: '结果表', view: '视图', both: '源表 & 结果表' },
  },
} as const;

export type LineageTexts = (typeof TEXTS)['en-US'];

export function useLineageTexts(): LineageTexts {
  const { i18n } = useTranslation();
  return (i18n.language === 'zh-CN' ? TEXTS['zh-CN'] : TEXTS['en-US']) as LineageTexts;
}

export function formatPosition(texts: LineageTexts, line: number, column: number): string {
  return texts.line.replace('{{line}}', String(line)).replace('{{column}}', String(column));
}
