import { MoonOutlined, SunOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { chooseTheme, useThemeMode } from './theme-mode';

/** Light or dark, one click; the button shows the mode it switches to. */
export function ThemeSwitch() {
  const { t } = useTranslation();
  const mode = useThemeMode();
  const next = mode === 'dark' ? 'light' : 'dark';
  return (
    <Tooltip title={t(`header.theme.${next}`)}>
      <Button type="text" data-testid="theme-switch" data-mode={mode} aria-label={t(`header.theme.${next}`)} icon={mode === 'dark' ? <SunOutlined /> : <MoonOutlined />} onClick={() => chooseTheme(next)} />
    </Tooltip>
  );
}
