// Seals a secret with Weir's secret key, for settings that accept a sealed value (`v1:…`), such as
// WEIR_OIDC_CLIENT_SECRET: the configuration file then holds no clear secret.
//   npx tsx server/src/secrets/seal-cli.ts < secret.txt
// Uses the key Weir would use: WEIR_SECRET_KEY, else <WEIR_DATA_DIR>/secret.key (made when absent).
import { loadConfig } from '../config/config.js';
import { SecretBox } from './secret-box.js';

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const secret = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
if (secret === '') {
  console.error('Give the secret on standard input.');
  process.exit(2);
}
const config = loadConfig();
console.log(SecretBox.load(config.secretKey, config.dataDir).seal(secret));
