import { Typography } from 'antd';
import type { CSSProperties } from 'react';

/**
 * A long path or URL (a savepoint's location, a failure message) in a narrow column: cut with an
 * ellipsis, shown whole on hover, and copyable with one click, since it is usually pasted somewhere.
 * The copy button stands apart from the text: antd cuts a copyable text in the page itself, so the
 * whole path would no longer be there to find with the browser's search, read aloud or select.
 */
export function PathText({ text, maxWidth = 320, style }: { text: string | null | undefined; maxWidth?: number; style?: CSSProperties }) {
  if (!text) return <Typography.Text type="secondary">–</Typography.Text>;
  return (
    <span data-testid="path-text" style={{ display: 'inline-flex', alignItems: 'baseline', maxWidth, minWidth: 0, verticalAlign: 'bottom', ...style }}>
      <Typography.Text style={{ minWidth: 0 }} ellipsis={{ tooltip: { title: text, overlayStyle: { maxWidth: 640, wordBreak: 'break-all' } } }}>
        {text}
      </Typography.Text>
      <Typography.Text copyable={{ text }} />
    </span>
  );
}
