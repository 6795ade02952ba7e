// Imported first by main.tsx, before any module of the contract builds a schema.
// Zod probes `new Function` the first time an object schema is built, to decide whether it may
// compile fast parsers; the probe's throw is caught, but under the page's Content-Security-Policy
// (script-src 'self', no 'unsafe-eval') the browser still reports it as a violation. The browser
// parses only small forms, so Zod's interpreted path costs nothing a user sees.
import { config } from 'zod';

config({ jitless: true });
