import { LockOutlined, LoginOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Divider, Form, Input, Segmented, Spin, Typography } from 'antd';
import type { LoginMethods, LoginRequest } from '@weir/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { formatError } from '../../api/format-error';
import { LanguageSwitch } from '../../app/language-switch';
import { WeirLogo } from '../../components/weir-logo';
import { useLogin, useLoginMethods, useSession } from './auth.queries';
import { safeReturnPath } from './return-path';
import styles from './login-page.module.css';

/** Why single sign-on sent the browser back without a session (`?sso_error=`), as the server names it. */
const SSO_ERRORS = ['provider-unreachable', 'flow-invalid', 'provider-refused', 'no-role', 'disabled', 'account-conflict', 'not-configured'] as const;
type SsoError = (typeof SSO_ERRORS)[number];

/** Which password form to show: a Weir account, the directory (LDAP), or both to choose from. */
function passwordForms(methods: LoginMethods): Array<'local' | 'ldap'> {
  return [...(methods.ldap ? (['ldap'] as const) : []), ...(methods.local !== 'off' ? (['local'] as const) : [])];
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const returnPath = safeReturnPath(searchParams.get('next'));
  const ssoError = searchParams.get('sso_error');
  const session = useSession();
  const methods = useLoginMethods();
  const login = useLogin();
  const [chosen, setChosen] = useState<'local' | 'ldap' | undefined>();

  if (session.data) return <Navigate to={returnPath} replace />;

  const forms = methods.data ? passwordForms(methods.data) : [];
  const via = chosen && forms.includes(chosen) ? chosen : forms[0];
  const submit = (values: LoginRequest) => {
    if (!via) return;
    login.mutate({ ...values, via }, { onSuccess: () => navigate(returnPath, { replace: true }) });
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
        {ssoError && (
          <Alert
            className={styles.error}
            type="error"
            showIcon
            role="alert"
            data-testid="sso-error"
            message={t('login.sso.failed')}
            description={t(`login.sso.errors.${(SSO_ERRORS as readonly string[]).includes(ssoError) ? (ssoError as SsoError) : 'provider-refused'}`)}
          />
        )}
        {login.error && <Alert className={styles.error} type="error" showIcon message={formatError('logIn', null, login.error)} role="alert" />}
        {methods.isPending ? (
          <Spin />
        ) : methods.isError ? (
          <Alert type="error" showIcon message={formatError('load', 'loginMethods', methods.error)} />
        ) : (
          <>
            {methods.data.oidc && (
              <Button
                type="primary"
                size="large"
                block
                icon={<LoginOutlined />}
                href={`/api/auth/oidc/start?returnTo=${encodeURIComponent(returnPath)}`}
                data-testid="sso-login"
              >
                {methods.data.oidc.label}
              </Button>
            )}
            {methods.data.oidc && forms.length > 0 && <Divider plain>{t('login.or')}</Divider>}
            {forms.length > 1 && (
              <Segmented
                block
                className={styles.error}
                value={via}
                onChange={(value) => setChosen(value as 'local' | 'ldap')}
                options={forms.map((form) => ({ value: form, label: form === 'ldap' ? methods.data.ldap!.label : t('login.weirAccount') }))}
              />
            )}
            {via && (
              <Form<LoginRequest> layout="vertical" onFinish={submit} requiredMark={false} disabled={login.isPending}>
                {via === 'local' && methods.data.local === 'admins' && (
                  <Typography.Paragraph type="secondary">{t('login.adminsOnly')}</Typography.Paragraph>
                )}
                <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
                  <Input prefix={<UserOutlined />} autoComplete="username" autoFocus={!methods.data.oidc} />
                </Form.Item>
                <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
                  <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
                </Form.Item>
                <Button type={methods.data.oidc ? 'default' : 'primary'} htmlType="submit" block loading={login.isPending}>
                  {via === 'ldap' ? t('login.submitLdap', { label: methods.data.ldap!.label }) : t('login.submit')}
                </Button>
              </Form>
            )}
            {!methods.data.oidc && forms.length === 0 && <Alert type="warning" showIcon message={t('login.noMethods')} />}
          </>
        )}
      </Card>
    </div>
  );
}
