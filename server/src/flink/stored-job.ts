import { z } from 'zod';

/** The part of a stored `GET /jobs/:jid` answer (a run's `job` snapshot) the metric defaults need. */
const StoredJobVertices = z.looseObject({ vertices: z.array(z.looseObject({ id: z.string().regex(/^[0-9a-f]{32}$/), name: z.string() })) });

/**
 * The job vertices (operator chains) of a stored job answer, in Flink's order (sources first);
 * undefined when the text is not such an answer. Read loosely: only ids and names have to be there.
 */
export function verticesOfStoredJob(body: string): Array<{ id: string; name: string }> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const job = StoredJobVertices.safeParse(parsed);
  return job.success ? job.data.vertices.map((v) => ({ id: v.id, name: v.name })) : undefined;
}
