import { z } from 'zod';

/** Light or dark: antd's default or dark algorithm. */
export const ThemeMode = z.enum(['light', 'dark']);
export type ThemeMode = z.infer<typeof ThemeMode>;

/** How Weir looks to one user, on every browser they use. Null: never chosen (the browser's own choice holds). */
export const UserPreferences = z
  .object({
    theme: ThemeMode.nullable(),
  })
  .meta({ id: 'UserPreferences' });
export type UserPreferences = z.infer<typeof UserPreferences>;

/** The preferences to change; the others stay as they are. A key Weir does not know is refused, not dropped, so a typo does not pass as saved. */
export const UpdateUserPreferencesRequest = z
  .strictObject({
    theme: ThemeMode.optional(),
  })
  .meta({ id: 'UpdateUserPreferencesRequest' });
export type UpdateUserPreferencesRequest = z.infer<typeof UpdateUserPreferencesRequest>;
