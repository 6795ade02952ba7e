// A plain list apart from the cluster schemas: the web app's cluster form offers it, and a page that
// takes a value from a module of zod schemas builds those schemas as it loads. zod checks whether it
// may compile code (`new Function`) when it builds an object schema, which breaks the app's
// Content-Security-Policy (script-src 'self') on that page.

/** The Flink versions a YARN target can ship: Maven Central serves flink-yarn for these only. */
export const FLINK_YARN_VERSIONS = ['1.20.0', '1.20.1'] as const;
