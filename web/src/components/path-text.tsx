import { Typography } from 'antd';
import type { CSSProperties } from 'react';

/**
 * A long path or URL (a savepoint's location, a failure message) in a narrow column: cut with an
 * ellipsis, shown whole on hover, and copyable with one click, since it is usually pasted somewhere.
 */
export function PathText({ text, maxWidth = 320, style }: { text: string | null | undefined; maxWidth?: number; style?: CSSProperties }) {
  if (!text) return <Typography.Text type="secondary">–</Typography.Text>;
  return (
    <Typography.Text data-testid="path-text" style={{ maxWidth, ...style }} ellipsis={{ tooltip: { title: text, overlayStyle: { maxWidth: 640, wordBreak: 'break-all' } } }} copyable={{ text }}>
      {text}
    </Typography.Text>
  );
}
