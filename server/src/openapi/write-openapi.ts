// Regenerates contract/openapi.json and the typed client's paths from the routes.
import fs from 'node:fs';
import path from 'node:path';
import { produceFiles, SPEC_FILE, TYPES_FILE } from './openapi-spec.js';

const { spec, types } = await produceFiles();
fs.mkdirSync(path.dirname(TYPES_FILE), { recursive: true });
fs.writeFileSync(SPEC_FILE, spec);
fs.writeFileSync(TYPES_FILE, types);
console.log(`wrote ${path.relative(process.cwd(), SPEC_FILE)} and ${path.relative(process.cwd(), TYPES_FILE)}`);
