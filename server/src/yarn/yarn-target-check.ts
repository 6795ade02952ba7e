import { access, constants } from 'node:fs/promises';
import { join } from 'node:path';
import type { YarnTarget } from '@weir/contract';
import { AppError, InputError } from '../errors/errors.js';
import type { YarnResourceManagerClient } from './yarn-rm.client.js';

/** What a YARN target's ResourceManager said when the target was checked. */
export interface YarnTargetFacts {
  hadoopVersion: string;
  scheduler: string;
}

/**
 * Proves a YARN target before it is kept, and checks it on the health schedule: the configuration folder
 * Flink's YARN client reads holds a yarn-site.xml, the address answers as a started ResourceManager, and
 * the queue exists in its scheduler. Each failure has its own code (YARN_UNREACHABLE, NOT_YARN,
 * YARN_QUEUE_UNKNOWN), so an admin knows which field to mend.
 */
export async function checkYarnTarget(rm: YarnResourceManagerClient, target: YarnTarget, opts: { conf?: boolean } = {}): Promise<YarnTargetFacts> {
  if (opts.conf !== false) {
    const yarnSite = join(target.hadoopConfDir, 'yarn-site.xml');
    try {
      await access(yarnSite, constants.R_OK);
    } catch {
      throw new InputError(`There is no readable yarn-site.xml in ${target.hadoopConfDir}: Flink's YARN client reads the ResourceManager's address from it`);
    }
  }
  const info = await asYarn(rm, () => rm.clusterInfo());
  if (info.state !== 'STARTED') {
    throw new AppError('YARN_UNREACHABLE', `The YARN ResourceManager at ${rm.baseUrl} has not started (state ${info.state})`);
  }
  const { scheduler, queues } = await asYarn(rm, () => rm.queues());
  if (!queues.has(target.queue)) {
    const known = [...queues].sort().slice(0, 20).join(', ');
    throw new AppError('YARN_QUEUE_UNKNOWN', `The YARN ResourceManager at ${rm.baseUrl} has no queue ${target.queue}; its queues: ${known}`, { queues: [...queues].sort() });
  }
  return { hadoopVersion: info.hadoopVersion, scheduler };
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
