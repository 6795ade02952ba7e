// What a Hadoop configuration folder's yarn-site.xml says about where the ResourceManager is. Flink's YARN
// client deploys to the ResourceManager named there, while Weir watches the one at the target's REST URL:
// yarn-target-check.ts uses this to find out whether both are the same.
//
// The file is an admin's, read from disk, and still parsed as untrusted: bounded in size, no DTDs or
// entities (Hadoop's own files have none), only <property><name/><value/></property> pairs taken.

/** A yarn-site.xml larger than this is refused rather than read: real ones are a few kilobytes. */
export const YARN_SITE_MAX_BYTES = 1024 * 1024;

/** The ResourceManager web port Hadoop uses when yarn-site.xml does not name one. */
const DEFAULT_RM_WEB_PORT = 8088;

const XML_ESCAPES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos);/g, (m) => XML_ESCAPES[m]!).trim();
}

/** The name → value pairs of a Hadoop configuration file; later definitions win, as in Hadoop. */
export function parseHadoopXml(text: string): Map<string, string> {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new Error('declares a DTD or entities, which a Hadoop configuration file does not need');
  const props = new Map<string, string>();
  const withoutComments = text.replace(/<!--[\s\S]*?-->/g, '');
  for (const [, body] of withoutComments.matchAll(/<property\b[^>]*>([\s\S]*?)<\/property>/g)) {
    const name = /<name>([\s\S]*?)<\/name>/.exec(body!)?.[1];
    const value = /<value>([\s\S]*?)<\/value>/.exec(body!)?.[1] ?? (/<value\s*\/>/.test(body!) ? '' : undefined);
    if (name !== undefined && value !== undefined) props.set(unescapeXml(name), unescapeXml(value));
  }
  return props;
}

/** `${name}` references resolved from the same file (Hadoop's own variable expansion, bounded in depth). */
function expand(value: string, props: Map<string, string>, depth = 0): string {
  if (depth > 10) return value;
  return value.replace(/\$\{([^}]+)\}/g, (whole, name: string) => {
    const v = props.get(name);
    return v === undefined ? whole : expand(v, props, depth + 1);
  });
}

/**
 * The host:port of each ResourceManager web app yarn-site.xml names: one, or one per RM id with high
 * availability (`yarn.resourcemanager.ha.rm-ids`). An address Hadoop would derive from the RM's host name
 * is derived the same way; one that cannot be known (no host name at all) is left out.
 */
export function resourceManagerWebAddresses(props: Map<string, string>): string[] {
  const get = (key: string) => {
    const v = props.get(key);
    return v === undefined ? undefined : expand(v, props);
  };
  const ha = get('yarn.resourcemanager.ha.enabled')?.toLowerCase() === 'true';
  const rmIds = ha ? (get('yarn.resourcemanager.ha.rm-ids') ?? '').split(',').map((s) => s.trim()).filter(Boolean) : [];
  const suffixes = rmIds.length > 0 ? rmIds.map((id) => `.${id}`) : [''];
  const addresses: string[] = [];
  for (const suffix of suffixes) {
    const explicit = get(`yarn.resourcemanager.webapp.address${suffix}`);
    const host = get(`yarn.resourcemanager.hostname${suffix}`) ?? get('yarn.resourcemanager.hostname');
    // A web app bound to every interface (0.0.0.0:port) is reached through the RM's host name, as Hadoop's clients do.
    const bound = explicit && !explicit.includes('${') ? explicit.replace(/^0\.0\.0\.0:/, host ? `${host}:` : '0.0.0.0:') : undefined;
    const address = bound && !bound.startsWith('0.0.0.0:') ? bound : host ? `${host}:${bound?.split(':')[1] ?? DEFAULT_RM_WEB_PORT}` : undefined;
    if (address && /^[\w.-]+:\d{1,5}$/.test(address)) addresses.push(address);
  }
  return [...new Set(addresses)];
}
