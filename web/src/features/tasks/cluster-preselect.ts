// Which cluster a new task starts with, so the common case needs no choice: the only cluster the
// task may run on, else the one this browser's user last created a task on (while it still serves
// the chosen team). Several clusters and no history: none, the user chooses.

const LAST_USED_KEY = 'weir.tasks.lastClusterId';

export function preselectedCluster(choices: readonly { id: string }[], lastUsedId: string | null): string | undefined {
  if (choices.length === 1) return choices[0]!.id;
  if (lastUsedId && choices.some((choice) => choice.id === lastUsedId)) return lastUsedId;
  return undefined;
}

export function lastUsedCluster(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): string | null {
  try {
    return storage?.getItem(LAST_USED_KEY) ?? null;
  } catch {
    return null; // storage refused (private mode, quota): no history, nothing breaks
  }
}

export function rememberCluster(clusterId: string, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(LAST_USED_KEY, clusterId);
  } catch {
    // Remembering is a convenience only.
  }
}
