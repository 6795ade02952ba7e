import type { DiffLine } from '@weir/contract';

export interface SideCell {
  line: number;
  text: string;
  changed: boolean;
}

export interface SideBySideRow {
  left: SideCell | null;
  right: SideCell | null;
}

/**
 * Pairs a line diff into side-by-side rows: unchanged lines face each other, a run of removed
 * lines faces the run of added lines that replaced it, and the longer run leaves blanks.
 */
export function toSideBySide(diff: readonly DiffLine[]): SideBySideRow[] {
  const rows: SideBySideRow[] = [];
  let removed: DiffLine[] = [];
  let added: DiffLine[] = [];
  const flush = () => {
    for (let i = 0; i < Math.max(removed.length, added.length); i += 1) {
      const l = removed[i];
      const r = added[i];
      rows.push({
        left: l ? { line: l.fromLine!, text: l.text, changed: true } : null,
        right: r ? { line: r.toLine!, text: r.text, changed: true } : null,
      });
    }
    removed = [];
    added = [];
  };
  for (const line of diff) {
    if (line.kind === 'removed') {
      if (added.length) flush();
      removed.push(line);
    } else if (line.kind === 'added') added.push(line);
    else {
      flush();
      rows.push({ left: { line: line.fromLine!, text: line.text, changed: false }, right: { line: line.toLine!, text: line.text, changed: false } });
    }
  }
  flush();
  return rows;
}
