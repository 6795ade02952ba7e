import { DEFAULT_ALERT_RULE_NAME } from '@weir/contract';
import type { TFunction } from 'i18next';

/**
 * A rule's name as a page shows it. The rule Weir made on install reads in the reader's language
 * while it keeps the name Weir gave it; every other name is someone's own and is shown as written.
 * Forms show the stored name, so saving a rule never renames it.
 */
export function ruleNameText(t: TFunction, name: string): string {
  return name === DEFAULT_ALERT_RULE_NAME ? t('alerts.rules.defaultRuleName') : name;
}
