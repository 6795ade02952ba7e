import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { YarnTarget } from '@weir/contract';
import { AppError, InputError } from '../errors/errors.js';
import type { YarnResourceManagerClient } from './yarn-rm.client.js';
import { parseHadoopXml, resourceManagerWebAddresses, YARN_SITE_MAX_BYTES } from './yarn-site.js';

/** What a YARN target's ResourceManager said when the target was checked. */
export interface YarnTargetFacts {
  hadoopVersion: string;
  scheduler: string;
}

/**
 * Proves a YARN target before it is kept, and checks it on the health schedule: the configuration folder
 * Flink's YARN client reads holds a yarn-site.xml, the address answers as a started ResourceManager, the
 * queue exists in its scheduler, and the ResourceManager yarn-site.xml names is the one at the address
 * (Flink deploys to the first, Weir watches the second). Each failure has its own code (VALIDATION,
 * YARN_UNREACHABLE, NOT_YARN, YARN_QUEUE_UNKNOWN), so an admin knows which field to mend. `rmAt` builds a
 * client for an address yarn-site.xml names; without it (or with `conf: false`, on the health schedule,
 * where another instance may not share the folder) the configuration is not read.
 */
export async function checkYarnTarget(
  rm: YarnResourceManagerClient,
  target: YarnTarget,
  opts: { conf?: boolean; rmAt?: (baseUrl: string) => YarnResourceManagerClient } = {},
): Promise<YarnTargetFacts> {
  const yarnSite = opts.conf !== false ? await readYarnSite(target.hadoopConfDir) : undefined;
  const info = await asYarn(rm, () => rm.clusterInfo());
  if (info.state !== 'STARTED') {
    throw new AppError('YARN_UNREACHABLE', `The YARN ResourceManager at ${rm.baseUrl} has not started (state ${info.state})`);
  }
  const { scheduler, queues } = await asYarn(rm, () => rm.queues());
  if (!queues.has(target.queue)) {
    const known = [...queues].sort().slice(0, 20).join(', ');
    throw new AppError('YARN_QUEUE_UNKNOWN', `The YARN ResourceManager at ${rm.baseUrl} has no queue ${target.queue}; its queues: ${known}`, { queues: [...queues].sort() });
  }
  if (yarnSite && opts.rmAt) await assertSameResourceManager(rm, info.identity, yarnSite, target.hadoopConfDir, opts.rmAt);
  return { hadoopVersion: info.hadoopVersion, scheduler };
}

async function readYarnSite(hadoopConfDir: string): Promise<Map<string, string>> {
  const path = join(hadoopConfDir, 'yarn-site.xml');
  let text: string;
  try {
    const file = await open(path, 'r');
    try {
      if ((await file.stat()).size > YARN_SITE_MAX_BYTES) throw new InputError(`The yarn-site.xml in ${hadoopConfDir} is larger than ${YARN_SITE_MAX_BYTES / 1024 / 1024} MB, far more than a Hadoop configuration file holds`);
      text = await file.readFile('utf8');
    } finally {
      await file.close();
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`There is no readable yarn-site.xml in ${hadoopConfDir}: Flink's YARN client reads the ResourceManager's address from it`);
  }
  try {
    return parseHadoopXml(text);
  } catch (err) {
    throw new InputError(`The yarn-site.xml in ${hadoopConfDir} is not a Hadoop configuration file Weir reads: it ${(err as Error).message}`);
  }
}

/**
 * Refuses a target whose yarn-site.xml names another ResourceManager than its REST URL reaches. Proven only
 * when an address yarn-site.xml names answers, as another ResourceManager; when none answers (Weir may see the
 * cluster's network through other names) or the file names none, there is nothing to prove either way.
 */
async function assertSameResourceManager(
  rm: YarnResourceManagerClient,
  identity: string | null,
  yarnSite: Map<string, string>,
  hadoopConfDir: string,
  rmAt: (baseUrl: string) => YarnResourceManagerClient,
): Promise<void> {
  const named = resourceManagerWebAddresses(yarnSite);
  const rest = new URL(rm.baseUrl);
  if (named.length === 0 || named.includes(rest.host) || identity === null) return;
  const answers = await Promise.all(named.map((address) => rmAt(`${rest.protocol}//${address}`).clusterInfo().then((i) => i.identity, () => undefined)));
  const answered = answers.filter((a): a is string | null => a !== undefined);
  if (answered.length === 0 || answered.includes(identity)) return;
  throw new InputError(
    `The yarn-site.xml in ${hadoopConfDir} names the ResourceManager at ${named.join(', ')}, another one than at ${rm.baseUrl}: Flink would deploy to one while Weir watches the other`,
  );
}

/** The HTTP layer reports with Flink's codes; at a ResourceManager they mean YARN's. */
async function asYarn<T>(rm: YarnResourceManagerClient, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (err.code === 'FLINK_UNREACHABLE') throw new AppError('YARN_UNREACHABLE', err.message, err.details);
    if (err.code === 'NOT_FLINK' || err.code === 'FLINK_REJECTED') {
      throw new AppError('NOT_YARN', `The address ${rm.baseUrl} does not answer as a YARN ResourceManager: ${err.message}`, err.details);
    }
    throw err;
  }
}
