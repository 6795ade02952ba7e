import { MoonOutlined, SunOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatError } from '../api/format-error';
import { useSession } from '../features/auth/auth.queries';
import { useUpdatePreferences } from '../features/auth/preferences.queries';
import { chooseTheme, useThemeMode } from './theme-mode';

/** Light or dark, one click, kept for the user on the server; the button shows the mode it switches to. */
export function ThemeSwitch() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mode = useThemeMode();
  const userId = useSession().data?.user.id;
  const save = useUpdatePreferences(userId);
  const next = mode === 'dark' ? 'light' : 'dark';
  const switchTheme = () => {
    chooseTheme(next);
    if (userId) save.mutate({ theme: next }, { onError: (err) => void message.error(formatError('save', 'preferences', err)) });
  };
  return (
    <Tooltip title={t(`header.theme.${next}`)}>
      <Button type="text" data-testid="theme-switch" data-mode={mode} aria-label={t(`header.theme.${next}`)} icon={mode === 'dark' ? <SunOutlined /> : <MoonOutlined />} onClick={switchTheme} />
    </Tooltip>
  );
}
