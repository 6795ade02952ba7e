import { randomBytes } from 'node:crypto';

// Crockford base32, as in ULID: sorts correctly as plain ASCII on every engine and collation.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10;
const RANDOM_CHARS = 16;

let lastTime = -1;
let lastRandom: number[] = [];

/**
 * A 26-character, time-ordered, URL-safe id (ULID layout: 48-bit millisecond time + 80 random bits).
 * Ids made in the same millisecond by this process stay strictly increasing, so `ORDER BY id`
 * is creation order and a stable tie-breaker for time-sorted lists.
 */
export function newId(now: number = Date.now()): string {
  if (now <= lastTime) {
    incrementRandom(lastRandom);
  } else {
    lastTime = now;
    lastRandom = randomDigits();
  }
  return encodeTime(lastTime) + lastRandom.map((digit) => ALPHABET[digit]).join('');
}

/** The creation time (epoch ms) encoded in an id made by {@link newId}. */
export function idTime(id: string): number {
  let time = 0;
  for (const char of id.slice(0, TIME_CHARS)) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) throw new Error(`Not a Weir id: ${id}`);
    time = time * 32 + digit;
  }
  return time;
}

function encodeTime(time: number): string {
  let out = '';
  let rest = time;
  for (let i = 0; i < TIME_CHARS; i++) {
    out = ALPHABET[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function randomDigits(): number[] {
  const bytes = randomBytes(RANDOM_CHARS);
  return Array.from(bytes, (byte) => byte & 31);
}

function incrementRandom(digits: number[]): void {
  for (let i = digits.length - 1; i >= 0; i--) {
    const digit = digits[i]!;
    if (digit < 31) {
      digits[i] = digit + 1;
      return;
    }
    digits[i] = 0;
  }
  // 80 bits exhausted within one millisecond: borrow the next millisecond.
  lastTime += 1;
}
