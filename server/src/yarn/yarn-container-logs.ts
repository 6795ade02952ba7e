import type { YarnNodeManagerClient } from './yarn-nm.client.js';
import { assertApplicationId, type YarnResourceManagerClient } from './yarn-rm.client.js';

/** One log file of one of a Flink application's containers, read from its NodeManager. */
export interface ContainerLog {
  containerId: string;
  /** The ApplicationMaster container is Flink's JobManager; every other container is a TaskManager. */
  role: 'jobmanager' | 'taskmanager';
  /** The NodeManager's web address (host:port). */
  node: string;
  fileName: string;
  /** The file's end, at most the tail asked for. */
  text: string;
  /** The file's whole length in bytes. */
  bytes: number;
}

export interface ContainerLogLimits {
  /** Bytes kept from the end of each file. */
  tailBytes: number;
  /** Bytes kept from the end of the JobManager's files, when not `tailBytes` (a capture scans more of it). */
  jobManagerTailBytes?: number;
  /** Which of the TaskManager containers found to read (default: the newest `maxTaskManagers`). */
  pickTaskManagers?: (containerIds: string[]) => string[];
  /** TaskManager containers read at most (the newest attempt's JobManager is always read). */
  maxTaskManagers?: number;
  /** NodeManagers asked at most, for a TaskManager container whose node is not known. */
  maxNodes?: number;
}

/** The files Flink writes in a container (its log, stdout and stderr); YARN's own launch files are left out. */
const FLINK_LOG_FILE = /^(jobmanager|taskmanager)\.(log|out|err)(\.\d+)?$/;

/**
 * A Flink application's container logs on YARN, for the post-mortem of a run whose JobManager is gone (a
 * YARN kill, a crashed container) as much as for one that runs. The JobManager is the ApplicationMaster
 * container, which the ResourceManager names after the end too; the TaskManagers are the containers the
 * NodeManagers list while the application runs there, and those the JobManager's log names (it logs each
 * container it starts), which is how they are found once YARN has forgotten them. A NodeManager that does
 * not answer costs its own files only.
 */
export async function readContainerLogs(
  rm: YarnResourceManagerClient,
  nmAt: (node: string) => YarnNodeManagerClient,
  applicationId: string,
  limits: ContainerLogLimits,
): Promise<ContainerLog[]> {
  assertApplicationId(applicationId);
  const maxTaskManagers = limits.maxTaskManagers ?? 8;
  const [jobManager] = await rm.applicationMasters(applicationId);
  if (!jobManager) return [];
  const nodes = (await rm.nodeAddresses().catch(() => [] as string[])).slice(0, limits.maxNodes ?? 50);
  if (!nodes.includes(jobManager.nodeHttpAddress)) nodes.unshift(jobManager.nodeHttpAddress);

  // While it runs, each NodeManager lists the application's containers on it.
  const nodeOf = new Map<string, string>();
  await Promise.all(nodes.map(async (node) => {
    for (const id of await nmAt(node).containersOf(applicationId).catch(() => [] as string[])) nodeOf.set(id, node);
  }));
  nodeOf.set(jobManager.containerId, jobManager.nodeHttpAddress);

  const logs = (await readFiles(nmAt(jobManager.nodeHttpAddress), jobManager.containerId, 'jobmanager', limits.jobManagerTailBytes ?? limits.tailBytes)) ?? [];
  const sameApplication = containerPrefix(jobManager.containerId);
  const named = logs.flatMap((l) => l.text.match(/\bcontainer_(?:e\d+_)?\d+_\d+_\d+_\d+\b/g) ?? []).filter((id) => containerPrefix(id) === sameApplication);
  const found = [...new Set([...nodeOf.keys(), ...named])].filter((id) => id !== jobManager.containerId && !isApplicationMaster(id)).sort();
  const taskManagers = (limits.pickTaskManagers?.(found) ?? found).slice(-maxTaskManagers);

  for (const id of taskManagers) {
    const known = nodeOf.get(id);
    const candidates = known ? [known] : nodes;
    for (const node of candidates) {
      const files = await readFiles(nmAt(node), id, 'taskmanager', limits.tailBytes).catch(() => null);
      if (files === null) continue;
      logs.push(...files);
      break;
    }
  }
  return logs;
}

/** The container's Flink log files, or null when this node does not hold the container. */
async function readFiles(nm: YarnNodeManagerClient, containerId: string, role: ContainerLog['role'], tailBytes: number): Promise<ContainerLog[] | null> {
  const files = await nm.logFiles(containerId);
  if (files === null) return null;
  const logs: ContainerLog[] = [];
  for (const file of files.filter((f) => FLINK_LOG_FILE.test(f.fileName) && f.bytes > 0).sort((a, b) => a.fileName.localeCompare(b.fileName))) {
    const tail = await nm.tail(containerId, file.fileName, tailBytes);
    if (tail) logs.push({ containerId, role, node: new URL(nm.baseUrl).host, fileName: file.fileName, text: tail.text, bytes: tail.total });
  }
  return logs;
}

/** `container_<ts>_<app>_`: what containers of one application share (the attempt and sequence follow). */
function containerPrefix(id: string): string {
  return /^(container_(?:e\d+_)?\d+_\d+)_/.exec(id)?.[1] ?? id;
}

/** Sequence 1 of an attempt is its ApplicationMaster: an earlier attempt's JobManager, not a TaskManager. */
function isApplicationMaster(id: string): boolean {
  return /_0*1$/.test(id);
}
