import { PlusOutlined } from '@ant-design/icons';
import type { Cluster, ClusterPushToken } from '@weir/contract';
import { Alert, App, Button, Card, Empty, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { formatError } from '../../api/format-error';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../auth/auth.queries';
import { roleAtLeast, roleOverCluster, seesSeveralTeams, teamNameOf } from '../teams/team-choices';
import { useTeams } from '../teams/teams.queries';
import { parseClusterSort, sortClusters, type ClusterSort } from './cluster-sort';
import { useCheckCluster, useClusters, useDeleteCluster, useRotatePushToken, useShowPushToken, useWeirInstances } from './clusters.queries';
import { ClustersTable } from './clusters-table';
import { PushTokenModal } from './push-token-modal';
import { RegisterClusterModal } from './register-cluster-modal';
import { StartYarnSessionModal, StopYarnSessionModal } from './yarn-session-modals';

export function ClustersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [searchParams, setSearchParams] = useSearchParams();
  const [registering, setRegistering] = useState(false);
  const session = useSession();
  const clusters = useClusters();
  const instances = useWeirInstances();
  const check = useCheckCluster();
  // The YARN entry a session is being started on, or the session being stopped: each has its dialog.
  const [startingOn, setStartingOn] = useState<Cluster | null>(null);
  const [stopping, setStopping] = useState<Cluster | null>(null);
  const remove = useDeleteCluster();
  const rotate = useRotatePushToken();
  const showToken = useShowPushToken();
  // A token on screen (new after a rotation, or the current one an admin asked for): closing the dialog forgets it.
  const [tokenShown, setTokenShown] = useState<{ clusterName: string; pushToken: ClusterPushToken; fresh: boolean } | null>(null);
  const teams = useTeams();

  const sort = parseClusterSort(searchParams);
  const sorted = useMemo(() => sortClusters(clusters.data ?? [], sort), [clusters.data, sort?.key, sort?.order]);

  const setSort = (next: ClusterSort | null) =>
    setSearchParams(
      (params) => {
        if (next) {
          params.set('sort', next.key);
          params.set('order', next.order);
        } else {
          params.delete('sort');
          params.delete('order');
        }
        return params;
      },
      { replace: true },
    );

  const onCheck = (cluster: Cluster) =>
    check.mutate(cluster.id, {
      onSuccess: (checked) => void message.success(t('clusters.checked', { name: checked.name, health: t(`clusters.health.${checked.health}`) })),
      onError: (err) => void message.error(formatError('check', ['clusterNamed', { name: cluster.name }], err)),
    });

  const onRotatePushToken = (cluster: Cluster) =>
    rotate.mutate(cluster.id, {
      onSuccess: (pushToken) => setTokenShown({ clusterName: cluster.name, pushToken, fresh: true }),
      onError: (err) => void message.error(formatError('rotate', ['pushTokenOf', { name: cluster.name }], err)),
    });

  const onShowPushToken = (cluster: Cluster) =>
    showToken.mutate(cluster.id, {
      onSuccess: (pushToken) => setTokenShown({ clusterName: cluster.name, pushToken, fresh: false }),
      onError: (err) => void message.error(formatError('load', ['pushTokenOf', { name: cluster.name }], err)),
    });

  const onDelete = (cluster: Cluster) =>
    remove.mutate(cluster.id, {
      onSuccess: () => void message.success(t('clusters.deleted', { name: cluster.name })),
      onError: (err) => void message.error(formatError('delete', ['clusterNamed', { name: cluster.name }], err)),
    });

  // Shown only when several instances share the database: alone, this instance watches everything.
  const sharing = instances.data?.instance.sharesClusters ? instances.data : null;
  const watchers = useMemo(
    () => (sharing ? { byCluster: new Map(sharing.clusters.map((c) => [c.id, c.watchedBy])), self: sharing.instance.id } : undefined),
    [sharing],
  );

  const role = session.data?.user.role;
  const isAdminOver = (cluster: Cluster) => roleAtLeast(roleOverCluster(teams.data, session.data?.user.globalRole, cluster.teamId), 'admin');
  // Buttons only for what the role may do; the server refuses the rest anyway.
  const registerButton = role === 'admin' && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
      {t('clusters.register')}
    </Button>
  );

  const body = () => {
    // A failed refresh keeps showing the last good list, with the error above it.
    if (clusters.isError && !clusters.data) {
      return (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={formatError('load', 'clusters', clusters.error)}
          action={
            <Button size="small" onClick={() => void clusters.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      );
    }
    if (clusters.isSuccess && sorted.length === 0) {
      return (
        <Empty style={{ padding: '48px 0' }} description={<span style={{ maxWidth: 520, display: 'inline-block' }}>{t('clusters.empty')}</span>}>
          {registerButton}
        </Empty>
      );
    }
    return (
      <>
        {clusters.isError && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={formatError('load', 'clusters', clusters.error)} />
        )}
        {sharing && (
          <Typography.Paragraph type="secondary" style={{ margin: '12px 16px' }} data-testid="weir-instances" data-alive={sharing.instance.alive.join(' ')}>
            {t('clusters.instances.alive', { instances: sharing.instance.alive.map((id) => (id === sharing.instance.id ? t('clusters.instances.self', { id }) : id)).join(', ') })}{' '}
            {sharing.instance.oneInstanceWork && t('clusters.instances.oneInstanceWork', { id: sharing.instance.oneInstanceWork })}
          </Typography.Paragraph>
        )}
        <ClustersTable
          watchers={watchers}
          teamName={seesSeveralTeams(teams.data) ? (teamId) => teamNameOf(teams.data, teamId) : undefined}
          clusters={sorted}
          loading={clusters.isPending}
          sort={sort}
          onSortChange={setSort}
          canDelete={isAdminOver}
          canRotatePushToken={isAdminOver}
          canCheck={(cluster) => roleAtLeast(roleOverCluster(teams.data, session.data?.user.globalRole, cluster.teamId), 'operator')}
          checkingId={check.isPending ? check.variables : undefined}
          deletingId={remove.isPending ? remove.variables : undefined}
          rotatingId={rotate.isPending ? rotate.variables : undefined}
          onCheck={onCheck}
          onStartSession={setStartingOn}
          onStopSession={setStopping}
          onDelete={onDelete}
          onRotatePushToken={onRotatePushToken}
          showingTokenId={showToken.isPending ? showToken.variables : undefined}
          onShowPushToken={onShowPushToken}
        />
      </>
    );
  };

  return (
    <>
      <PageHeader title={t('clusters.title')} subtitle={t('clusters.subtitle')} extra={registerButton || undefined} />
      <Card styles={{ body: { padding: clusters.isSuccess && sorted.length > 0 ? 0 : undefined } }}>{body()}</Card>
      <RegisterClusterModal
        open={registering}
        onClose={() => setRegistering(false)}
        onRegistered={(name) => void message.success(t('clusters.registered', { name }))}
      />
      {tokenShown && <PushTokenModal {...tokenShown} onClose={() => setTokenShown(null)} />}
      {startingOn && (
        <StartYarnSessionModal
          yarnCluster={startingOn}
          onClose={() => setStartingOn(null)}
          onStarted={(started) => void message.success(t('clusters.yarn.sessionStarting', { name: started.name }))}
        />
      )}
      {stopping && (
        <StopYarnSessionModal
          session={stopping}
          onClose={() => setStopping(null)}
          onStopped={({ endedRuns }) =>
            void message.success(
              endedRuns.length === 0
                ? t('clusters.yarn.sessionStopped', { name: stopping.name })
                : t('clusters.yarn.sessionStoppedWithJobs', { name: stopping.name, count: endedRuns.length }),
            )
          }
        />
      )}
    </>
  );
}
