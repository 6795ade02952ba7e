import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { JarFile } from '@weir/contract';
import { InputError } from '../errors/errors.js';

/**
 * Jars uploaded to Weir, kept in the data directory under their SHA-256 and uploaded to a task's
 * cluster at each submission. Weir keeps them (rather than the JobManager) because a
 * JobManager forgets its uploads when it restarts, a task may move to another cluster, and a
 * published version must stay runnable: content addressing makes a version's jar immutable.
 * (One data directory: instances that share a database should share it too.)
 */
export class JarFilesStore {
  constructor(
    private readonly dir: string,
    private readonly now: () => number = Date.now,
  ) {}

  async save(fileName: string, content: Uint8Array): Promise<JarFile> {
    const name = path.basename(fileName).replace(/[^\w.-]/g, '_');
    if (!name.toLowerCase().endsWith('.jar')) throw new InputError(`${fileName} is not a .jar file`);
    // A jar is a zip: local file header "PK\x03\x04".
    if (content.length < 4 || content[0] !== 0x50 || content[1] !== 0x4b || content[2] !== 0x03 || content[3] !== 0x04) {
      throw new InputError(`${fileName} is not a jar (zip) archive`);
    }
    const id = createHash('sha256').update(content).digest('hex');
    await fs.mkdir(this.dir, { recursive: true });
    const existing = await this.get(id);
    if (existing) return existing;
    const meta: JarFile = { id, fileName: name, size: content.length, uploadedAt: this.now() };
    // Content first, metadata last: a jar is listed only once it is whole.
    const tmp = path.join(this.dir, `${id}.jar.${process.pid}.tmp`);
    await fs.writeFile(tmp, content);
    await fs.rename(tmp, this.contentPath(id));
    await fs.writeFile(this.metaPath(id), JSON.stringify(meta));
    return meta;
  }

  async get(id: string): Promise<JarFile | undefined> {
    if (!/^[0-9a-f]{64}$/.test(id)) return undefined;
    try {
      return JSON.parse(await fs.readFile(this.metaPath(id), 'utf8')) as JarFile;
    } catch {
      return undefined;
    }
  }

  async read(id: string): Promise<{ file: JarFile; content: Uint8Array<ArrayBuffer> } | undefined> {
    const file = await this.get(id);
    if (!file) return undefined;
    const buffer = await fs.readFile(this.contentPath(id));
    return { file, content: new Uint8Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer) };
  }

  /**
   * Where a stored jar's content is on disk, for a deployment that hands the file to a tool of its own
   * (Flink's CLI uploads it to YARN); undefined when Weir no longer stores it.
   */
  async contentFile(id: string): Promise<string | undefined> {
    return (await this.get(id)) ? this.contentPath(id) : undefined;
  }

  private contentPath(id: string): string {
    return path.join(this.dir, `${id}.jar`);
  }

  private metaPath(id: string): string {
    return path.join(this.dir, `${id}.json`);
  }
}
