import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import type { LoginRequest } from '@weir/contract';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { formatError } from '../../api/format-error';
import { LanguageSwitch } from '../../app/language-switch';
import { WeirLogo } from '../../components/weir-logo';
import { useLogin, useSession } from './auth.queries';
import { safeReturnPath } from './return-path';
import styles from './login-page.module.css';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const returnPath = safeReturnPath(searchParams.get('next'));
  const session = useSession();
  const login = useLogin();

  if (session.data) return <Navigate to={returnPath} replace />;

  const submit = (values: LoginRequest) => {
    login.mutate(values, { onSuccess: () => navigate(returnPath, { replace: true }) });
  };

  return (
    <div className={styles.page}>
      <div className={styles.language}>
        <LanguageSwitch />
      </div>
      <Card className={styles.card}>
        <div className={styles.brand}>
          <WeirLogo size={40} />
          <div>
            <Typography.Title level={3} className={styles.title}>
              {t('login.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </div>
        </div>
        {login.error && (
          <Alert className={styles.error} type="error" showIcon message={formatError('logIn', null, login.error)} role="alert" />
        )}
        <Form<LoginRequest> layout="vertical" onFinish={submit} requiredMark={false} disabled={login.isPending}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
