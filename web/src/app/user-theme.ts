import { useEffect } from 'react';
import { usePreferences } from '../features/auth/preferences.queries';
import { chooseTheme, useThemeOf } from './theme-mode';

/**
 * The logged-in user's theme: this browser's copy paints first, then the server's answer wins (the
 * user may have switched on another browser since) and becomes the copy for the next visit. A user
 * who never chose on the server keeps what this browser remembers.
 */
export function useUserTheme(userId: string | undefined): void {
  useThemeOf(userId);
  const saved = usePreferences(userId).data?.theme;
  useEffect(() => {
    if (userId && saved) chooseTheme(saved);
  }, [userId, saved]);
}
