/**
 * The smallest value a JSON Schema (as in Weir's OpenAPI description) accepts: required properties
 * only, the first enum value or union branch, minimum lengths and counts. Used by the route-access
 * test to send requests that pass validation, so that a 401/403 is proven to come from authorization.
 */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  [key: string]: unknown;
};

/** Candidates for a string with a pattern: the first one that matches (and fits the length) is used. */
const STRING_CANDIDATES = ['ab', 'http://127.0.0.1:9/hook', 'ops@example.com', '12345', 'A1', 'a.b'];

export function sampleFromSchema(schema: JsonSchema, components: Record<string, JsonSchema>, depth = 0): unknown {
  if (depth > 20) throw new Error('schema nests too deeply for a sample');
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/components\/schemas\//, '');
    const target = components[name];
    if (!target) throw new Error(`unknown schema reference ${schema.$ref}`);
    return sampleFromSchema(target, components, depth + 1);
  }
  if ('const' in schema) return schema.const;
  if (schema.enum) return schema.enum[0];
  const union = schema.anyOf ?? schema.oneOf;
  if (union) {
    const branch = union.find((b) => b.type !== 'null') ?? union[0]!;
    return sampleFromSchema(branch, components, depth + 1);
  }
  if (schema.allOf) {
    return Object.assign({}, ...schema.allOf.map((s) => sampleFromSchema(s, components, depth + 1) as object));
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = sampleFromSchema(schema.properties?.[key] ?? {}, components, depth + 1);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleFromSchema(schema.items ?? {}, components, depth + 1));
    case 'string':
      return sampleString(schema);
    case 'integer':
    case 'number': {
      const min = schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : schema.minimum;
      const max = schema.maximum;
      // 1 fits most ranges (counts, ports, durations); otherwise the bound.
      if ((min === undefined || min <= 1) && (max === undefined || max >= 1)) return 1;
      return min ?? max ?? 1;
    }
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return 'default' in schema ? schema.default : null;
  }
}

function sampleString(schema: JsonSchema): string {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Infinity;
  const fits = (s: string) => s.length >= min && s.length <= max;
  if (schema.format === 'uri') return 'http://127.0.0.1:9';
  if (schema.format === 'email') return 'ops@example.com';
  if (schema.format === 'date-time') return new Date(0).toISOString();
  if (schema.pattern) {
    const re = new RegExp(schema.pattern, 'u');
    const hit = STRING_CANDIDATES.find((c) => re.test(c) && fits(c));
    if (hit) return hit;
  }
  const base = 'http://127.0.0.1:9';
  // A URL-looking text satisfies the many "must be an http(s) URL" refinements and is otherwise harmless.
  if (fits(base)) return base;
  return 'a'.repeat(Math.max(min, 1));
}
