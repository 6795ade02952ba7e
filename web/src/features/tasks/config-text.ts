/** Extra Flink options as the form shows them: one `key: value` per line. */
export function optionsToText(options: Record<string, string>): string {
  return Object.entries(options)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
}

/** Parses `key: value` (or `key=value`) lines; blank lines and `#` comments are ignored. */
export function textToOptions(text: string): { options: Record<string, string>; errors: number[] } {
  const options: Record<string, string> = {};
  const errors: number[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const match = /^([A-Za-z0-9_.$-]+)\s*[:=]\s*(.*)$/.exec(line);
    if (!match) errors.push(i + 1);
    else options[match[1]!] = match[2]!.replace(/^(['"])(.*)\1$/, '$2');
  });
  return { options, errors };
}

/** Program arguments: whitespace-separated, with "double" or 'single' quotes keeping spaces. */
export function parseArgs(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

export function formatArgs(args: string[]): string {
  return args.map((a) => (/\s/.test(a) || a === '' ? `"${a}"` : a)).join(' ');
}
