import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Layout, Menu, Space, Tag, Typography } from 'antd';
// The plain Avatar, not antd's with Avatar.Group attached, which brings Popover into every first load.
import Avatar from 'antd/es/avatar/Avatar';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { formatError } from '../api/format-error';
import { useLogout, useSession } from '../features/auth/auth.queries';
import { WeirLogo } from '../components/weir-logo';
import { PageSpinner } from '../components/page-spinner';
import { LanguageSwitch } from './language-switch';
import { ThemeSwitch } from './theme-switch';
import { useUserTheme } from './user-theme';
import { activeNavPath, navItemsFor } from './nav-items';
import styles from './app-shell.module.css';

// A form and a modal most visits never open: loaded the first time the user asks to change their password.
const ChangePasswordDialog = lazy(async () => ({ default: (await import('../features/admin/change-password-dialog')).ChangePasswordDialog }));

const ROLE_COLORS = { admin: 'gold', operator: 'blue', viewer: 'default' } as const;

function UserMenu() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const session = useSession();
  const logout = useLogout();
  const [changingPassword, setChangingPassword] = useState(false);
  const user = session.data?.user;
  if (!user) return null;

  return (
    <>
    {changingPassword && (
      <Suspense fallback={null}>
        <ChangePasswordDialog open onClose={() => setChangingPassword(false)} />
      </Suspense>
    )}
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          // The provider or directory keeps the password of a user who logs in through it.
          ...(user.authSource === 'local'
            ? [{ key: 'password', icon: <KeyOutlined />, label: t('admin.password.menu') }, { type: 'divider' as const }]
            : []),
          { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'password') return setChangingPassword(true);
          logout.mutate(undefined, {
            // After single sign-on the provider's session ends too, on its own page.
            onSuccess: ({ providerLogoutUrl }) => (providerLogoutUrl ? window.location.assign(providerLogoutUrl) : navigate('/login', { replace: true })),
            onError: (err) => void message.error(formatError('logOut', null, err)),
          });
        },
      }}
    >
      <Button type="text" className={styles.user} aria-label={t('header.userMenu')}>
        <Space size={8}>
          <Avatar size="small" icon={<UserOutlined />} />
          <span>{user.displayName ?? user.username}</span>
          <Tag color={ROLE_COLORS[user.role]} bordered={false} className={styles.role}>
            {t(`roles.${user.role}`)}
          </Tag>
          <DownOutlined className={styles.caret} />
        </Space>
      </Button>
    </Dropdown>
    </>
  );
}

export function AppShell() {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();
  useUserTheme(session.data?.user.id);

  return (
    <Layout className={styles.layout}>
      <Layout.Header className={styles.header}>
        <Link to="/" className={styles.brand}>
          <WeirLogo />
          <Typography.Text strong className={styles.productName}>
            {t('app.name')}
          </Typography.Text>
        </Link>
        <Menu
          mode="horizontal"
          className={styles.nav}
          selectedKeys={[activeNavPath(location.pathname)]}
          items={navItemsFor(session.data?.user).map((item) => ({ key: item.path, label: <Link to={item.path}>{t(item.labelKey)}</Link> }))}
        />
        <Space size={4}>
          <ThemeSwitch />
          <LanguageSwitch />
          <UserMenu />
        </Space>
      </Layout.Header>
      <Layout.Content className={styles.content}>
        <Suspense fallback={<PageSpinner />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
