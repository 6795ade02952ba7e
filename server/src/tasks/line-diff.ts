export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  /** 1-based line in the old text; null for an added line. */
  fromLine: number | null;
  /** 1-based line in the new text; null for a removed line. */
  toLine: number | null;
  text: string;
}

/** Longest input (in lines, after the common head and tail) compared exactly; beyond it, a plain replace. */
const MAX_EXACT = 4_000;

/**
 * A line diff (longest common subsequence), in order, removed lines before the added lines that
 * replace them. Side-by-side views pair them up from this list.
 */
export function diffLines(from: string, to: string): DiffLine[] {
  const a = splitLines(from);
  const b = splitLines(to);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail += 1;

  const out: DiffLine[] = [];
  for (let i = 0; i < head; i += 1) out.push({ kind: 'same', fromLine: i + 1, toLine: i + 1, text: a[i]! });
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  for (const line of diffMiddle(midA, midB)) {
    out.push({
      ...line,
      fromLine: line.fromLine === null ? null : line.fromLine + head,
      toLine: line.toLine === null ? null : line.toLine + head,
    });
  }
  for (let i = 0; i < tail; i += 1) {
    const ai = a.length - tail + i;
    const bi = b.length - tail + i;
    out.push({ kind: 'same', fromLine: ai + 1, toLine: bi + 1, text: a[ai]! });
  }
  return out;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  return text.replace(/\r\n/g, '\n').split('\n');
}

function diffMiddle(a: string[], b: string[]): DiffLine[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > MAX_EXACT * MAX_EXACT) {
    return [
      ...a.map((text, i): DiffLine => ({ kind: 'removed', fromLine: i + 1, toLine: null, text })),
      ...b.map((text, j): DiffLine => ({ kind: 'added', fromLine: null, toLine: j + 1, text })),
    ];
  }
  // lcs[i][j] = LCS length of a[i..] and b[j..], in one flat array.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  const removed: DiffLine[] = [];
  const added: DiffLine[] = [];
  const flush = () => {
    out.push(...removed.splice(0), ...added.splice(0));
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      out.push({ kind: 'same', fromLine: i + 1, toLine: j + 1, text: a[i]! });
      i += 1;
      j += 1;
    } else if (j >= m || (i < n && lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)) {
      removed.push({ kind: 'removed', fromLine: i + 1, toLine: null, text: a[i]! });
      i += 1;
    } else {
      added.push({ kind: 'added', fromLine: null, toLine: j + 1, text: b[j]! });
      j += 1;
    }
  }
  flush();
  return out;
}
