import { i18n } from '../i18n/i18n';
import type enUS from '../i18n/en-US.json';
import { ApiError } from './api-error';

export type ErrorAction = keyof typeof enUS.errors.actions;
export type ErrorThing = keyof typeof enUS.errors.things;
/** A thing with its interpolation values, e.g. `['clusterNamed', { name }]`. */
export type ErrorThingRef = ErrorThing | [ErrorThing, Record<string, string>];

function reasonOf(err: unknown): string {
  if (err instanceof ApiError) {
    const codeKey = `errors.codes.${err.code}`;
    const code = i18n.exists(codeKey) ? i18n.t(codeKey as 'errors.codes.INTERNAL') : err.code;
    if (!err.message) return code;
    return i18n.t('errors.reasonWithMessage', { code, message: err.message });
  }
  // fetch rejects with a TypeError when the server cannot be reached at all.
  if (err instanceof TypeError) return i18n.t('errors.network');
  const message = err instanceof Error ? err.message : String(err);
  return i18n.t('errors.unexpected', { message });
}

/**
 * The one way Weir reports a failure: "Could not {action} {thing}: {reason}", translated.
 * `thing` may be null for actions that need none ("Could not log in: …").
 */
export function formatError(action: ErrorAction, thing: ErrorThingRef | null, err: unknown): string {
  const reason = reasonOf(err);
  const actionText = i18n.t(`errors.actions.${action}`);
  if (thing === null) return i18n.t('errors.templateWithoutThing', { action: actionText, reason });
  const [thingKey, values] = typeof thing === 'string' ? [thing, {}] : thing;
  const thingText = i18n.t(`errors.things.${thingKey}`, values);
  return i18n.t('errors.template', { action: actionText, thing: thingText, reason });
}
