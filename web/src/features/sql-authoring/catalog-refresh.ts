// Whether a script holds a statement that changes what the catalog lists (a table, view, function,
// catalog or database created, altered or dropped; another current catalog or database; a module
// loaded), so that after Flink validated or published it the editor lists the catalog afresh.

const CHANGES_CATALOG = /^(CREATE|ALTER|DROP|USE|LOAD|UNLOAD|REPLACE)\b/i;

/** The script without comments and string literals, whose `;` inside would split statements wrongly. */
function code(script: string): string {
  return script.replace(/--[^\n]*|\/\*[\s\S]*?(\*\/|$)|'(?:[^']|'')*'?|`(?:[^`]|``)*`?/g, (m) => (m.startsWith("'") || m.startsWith('`') ? '_' : ' '));
}

export function changesCatalog(script: string): boolean {
  return code(script)
    .split(';')
    .some((statement) => CHANGES_CATALOG.test(statement.trim()));
}
