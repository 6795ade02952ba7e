// How a test starts Weir's server process: as `npm start` does (scripts/start.mjs), with the V8 flags and
// the loader named in scripts/node-flags.json, so the tests run the server the way it ships.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../config/config.js';

const launch = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'scripts', 'node-flags.json'), 'utf8')) as { flags: string[]; loader: string };

/** Node's arguments before the entry script: Weir's V8 flags, then `--import` of its loader. */
export const SERVER_NODE_ARGS: readonly string[] = [...launch.flags, '--import', pathToFileURL(path.join(REPO_ROOT, launch.loader)).href];

/** The loader alone, for a process that sets its own V8 flags. */
export const SERVER_LOADER_URL = pathToFileURL(path.join(REPO_ROOT, launch.loader)).href;

/** Weir's V8 flags alone. */
export const SERVER_V8_FLAGS: readonly string[] = launch.flags;
