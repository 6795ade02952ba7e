/**
 * Gives the event loop a turn during a long loop of database work.
 *
 * With SQLite (better-sqlite3) every query runs synchronously and its promise is already settled, so
 * `await` continues as a microtask and never lets an HTTP request, a timer or a socket in. A loop
 * of awaited queries over thousands of runs therefore held the whole server: at 10,000 tasks the
 * health checks made every page wait about 3 s, once every 10 s. PostgreSQL and MariaDB answer over
 * a socket and yield on their own; this costs them nothing but a clock read per call.
 *
 * Returns a function to await once per item: it yields (setImmediate) when at least `sliceMs` of
 * work has passed since the last turn, so a short loop pays nothing.
 */
export function eventLoopTurns(sliceMs = 10, clock: () => number = () => performance.now()): () => Promise<void> {
  let sliceStart = clock();
  return async () => {
    if (clock() - sliceStart < sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    sliceStart = clock();
  };
}
