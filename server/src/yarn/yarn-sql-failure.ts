import { sqlRunnerFailureIn, type SqlRunnerFailure } from '../flink/sql-runner-failure.js';
import type { YarnNodeManagerClient } from './yarn-nm.client.js';
import type { YarnResourceManagerClient } from './yarn-rm.client.js';

/**
 * The JobManager's files where the SQL runner's failure line lands, in the order they are read: the runner
 * prints it to stderr; Flink's log has it inside the exception it logs ("Application failed unexpectedly"),
 * further from the end (the stack trace and the shutdown follow), hence a larger tail.
 */
const FILES: ReadonlyArray<{ fileName: string; tailBytes: number }> = [
  { fileName: 'jobmanager.err', tailBytes: 64 * 1024 },
  { fileName: 'jobmanager.out', tailBytes: 64 * 1024 },
  { fileName: 'jobmanager.log', tailBytes: 256 * 1024 },
];

/**
 * Why Weir's SQL runner failed in a YARN application, from its newest ApplicationMaster (JobManager)
 * container's files on their NodeManager (they outlive the application): null when no file says it, when
 * the files cannot be read, or when that takes over `timeoutMs`. Never throws: the caller keeps YARN's words.
 */
export async function readSqlRunnerFailure(
  rm: YarnResourceManagerClient,
  nmAt: (node: string) => YarnNodeManagerClient,
  applicationId: string,
  opts: { timeoutMs: number },
): Promise<SqlRunnerFailure | null> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), opts.timeoutMs);
  });
  try {
    return await Promise.race([read(rm, nmAt, applicationId).catch(() => null), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

async function read(rm: YarnResourceManagerClient, nmAt: (node: string) => YarnNodeManagerClient, applicationId: string): Promise<SqlRunnerFailure | null> {
  const [jobManager] = await rm.applicationMasters(applicationId);
  if (!jobManager) return null;
  const nm = nmAt(jobManager.nodeHttpAddress);
  const present = new Set((await nm.logFiles(jobManager.containerId))?.filter((f) => f.bytes > 0).map((f) => f.fileName));
  for (const { fileName, tailBytes } of FILES) {
    if (!present.has(fileName)) continue;
    const tail = await nm.tail(jobManager.containerId, fileName, tailBytes);
    const failure = tail && sqlRunnerFailureIn(tail.text);
    if (failure) return failure;
  }
  return null;
}
