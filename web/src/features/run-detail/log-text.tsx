import { Flex, Input, Select, Typography } from 'antd';
import { forwardRef, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { filterLog, LOG_LEVELS, splitMatches, type LogLevel } from './log-filter';

/** The search box and level filter of the log viewer; the text shown goes through filterLog(). */
export function useLogFilter() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [level, setLevel] = useState<LogLevel | null>(null);
  const controls = (
    <>
      <Input.Search allowClear style={{ width: 240 }} placeholder={t('runDetail.logs.search')} aria-label={t('runDetail.logs.search')} onSearch={setSearch} onChange={(e) => !e.target.value && setSearch('')} data-testid="log-search" />
      <Select<LogLevel | null>
        style={{ minWidth: 130 }}
        value={level}
        onChange={setLevel}
        aria-label={t('runDetail.logs.level')}
        options={[{ value: null, label: t('runDetail.logs.allLevels') }, ...LOG_LEVELS.map((l) => ({ value: l, label: t('runDetail.logs.levelAndAbove', { level: l }) }))]}
      />
    </>
  );
  return { filter: { search, level }, controls };
}

/** A log's text, dark, monospaced and scrollable, filtered as the viewer's controls say. */
export const LogText = forwardRef<HTMLPreElement, { text: string; filter: { search: string; level: LogLevel | null }; empty: string; testId?: string }>(function LogText(
  { text, filter, empty, testId = 'log-text' },
  ref,
) {
  const { t } = useTranslation();
  const shown = useMemo(() => filterLog(text, filter), [text, filter]);
  const pieces = useMemo(() => splitMatches(shown.text, filter.search), [shown.text, filter.search]);
  return (
    <Flex vertical gap={4}>
      {shown.records >= 0 && (
        <Typography.Text type="secondary" data-testid="log-filter-count">
          {t('runDetail.logs.filtered', { kept: shown.kept, records: shown.records })}
        </Typography.Text>
      )}
      <pre
        ref={ref}
        data-testid={testId}
        style={{ height: 560, overflow: 'auto', margin: 0, padding: 12, background: '#141414', color: '#e8e8e8', fontSize: 12, lineHeight: 1.45, borderRadius: 6, whiteSpace: 'pre' }}
      >
        {shown.text
          ? pieces.map((piece, i) =>
              piece.match ? (
                <mark key={i} data-testid="log-match" style={{ background: '#faad14', color: '#141414', padding: 0, borderRadius: 2 }}>
                  {piece.text}
                </mark>
              ) : (
                piece.text
              ),
            )
          : text
            ? t('runDetail.logs.noMatch')
            : empty}
      </pre>
    </Flex>
  );
});
