import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, theme } from 'antd';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { onUnauthenticated } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { sessionQueryKey } from '../features/auth/auth.queries';
import { antdLocaleFor, i18n } from '../i18n/i18n';
import { useReducedMotion } from './reduced-motion';
import { useThemeMode } from './theme-mode';

dayjs.extend(relativeTime);

// Set before React re-renders on a language change, so relative times render in the new language.
// dayjs's 'zh-cn' is registered by then: i18n.ts loads it with the Chinese texts, before it switches.
const syncDayjsLocale = (language: string) => void dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
syncDayjsLocale(i18n.language);
i18n.on('languageChanged', syncDayjsLocale);

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will answer the same way again; only network and server failures are worth retrying.
      retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
    },
  },
});

// Any 401 means the session ended; forgetting it makes the auth guard send the user to /login.
onUnauthenticated(() => queryClient.setQueryData(sessionQueryKey, null));

export function AppProviders({ children }: { children: ReactNode }) {
  const { i18n: translation } = useTranslation();
  const mode = useThemeMode();
  const reducedMotion = useReducedMotion();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={antdLocaleFor(translation.language)} theme={{ algorithm: mode === 'dark' ? theme.darkAlgorithm : theme.defaultAlgorithm, token: { colorPrimary: '#1668dc', borderRadius: 6, motion: !reducedMotion } }}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
