import { useMemo } from 'react';
import { tokenizeSql, type TokenKind } from './sql-highlight';

const COLORS: Partial<Record<TokenKind, string>> = {
  keyword: '#0550ae',
  string: '#0a3069',
  comment: '#6e7781',
  number: '#953800',
  quoted: '#8250df',
};

/** Read-only Flink SQL with line numbers and highlighting. */
export function SqlCode({ sql }: { sql: string }) {
  const lines = useMemo(() => {
    const out: { kind: TokenKind; text: string }[][] = [[]];
    for (const token of tokenizeSql(sql)) {
      const parts = token.text.split('\n');
      parts.forEach((part, i) => {
        if (i > 0) out.push([]);
        if (part) out.at(-1)!.push({ kind: token.kind, text: part });
      });
    }
    return out;
  }, [sql]);
  return (
    <pre data-testid="sql-code" style={{ margin: 0, padding: 12, background: '#f6f8fa', borderRadius: 6, fontSize: 13, lineHeight: 1.5, overflow: 'auto', maxHeight: 640 }}>
      {lines.map((tokens, i) => (
        <div key={i} style={{ display: 'flex' }}>
          <span style={{ width: 36, flex: 'none', color: '#afb8c1', textAlign: 'right', paddingRight: 12, userSelect: 'none' }}>{i + 1}</span>
          <span>
            {tokens.map((tk, j) => (
              <span key={j} className={`sql-${tk.kind}`} style={{ color: COLORS[tk.kind], fontWeight: tk.kind === 'keyword' ? 600 : undefined, fontStyle: tk.kind === 'comment' ? 'italic' : undefined }}>
                {tk.text}
              </span>
            ))}
          </span>
        </div>
      ))}
    </pre>
  );
}
