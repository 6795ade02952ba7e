import type { JarSpec } from '@weir/contract';
import { ConflictError, InputError } from '../errors/errors.js';
import { decodeJar } from '../tasks/task-config.js';

/** The jar a published version of a jar task runs, with its entry class and arguments. */
export function versionJar(content: string): JarSpec {
  const spec = decodeJar(content);
  if (!spec) throw new InputError('The version has no jar');
  return spec;
}

/** A version's jar that Weir no longer stores: every target refuses to start it, with the same words. */
export function jarNoLongerStored(jarId: string): ConflictError {
  return new ConflictError(`Jar ${jarId} is no longer stored in Weir; upload it again and publish a new version`);
}
