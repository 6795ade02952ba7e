/**
 * A value made safe to stand inside an LDAP search filter (RFC 4515): the characters that give a
 * filter its structure become hex escapes, so a username like `*` or `x)(uid=*` matches itself only.
 */
export function escapeFilterValue(value: string): string {
  return value.replace(/[\\*()\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * A value made safe to stand as an attribute value inside a DN (RFC 4514): `uid=a,ou=admins` typed
 * as a username stays one value instead of moving the bind to another branch of the directory.
 */
export function escapeDnValue(value: string): string {
  let escaped = value.replace(/[\\,+"<>;=]/g, (c) => `\\${c}`).replace(/\0/g, '\\00');
  if (escaped.startsWith('#') || escaped.startsWith(' ')) escaped = `\\${escaped}`;
  if (escaped.length > 1 && escaped.endsWith(' ') && !escaped.endsWith('\\ ')) escaped = `${escaped.slice(0, -1)}\\ `;
  return escaped;
}

/** A configured template with its `{name}` placeholders filled by already escaped values. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
