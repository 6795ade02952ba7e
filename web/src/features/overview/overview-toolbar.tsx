import { SearchOutlined } from '@ant-design/icons';
import type { HealthBand, OverviewLifecycle } from '@weir/contract';
import { Button, Radio, Select, Tag } from 'antd';
// The plain Input, not antd's Input with its TextArea, Password, Search and OTP attached, which the
// overview's first load would otherwise carry for one search box.
import Input from 'antd/es/input/Input';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HEALTH_COLORS } from '../runs/health-colors';
import { HEALTH_BANDS, isFiltered, LIFECYCLES, type OverviewView } from './overview-url';
import { useClusterChoices } from './overview.queries';
import { seesSeveralTeams } from '../teams/team-choices';
import { useTeams } from '../teams/teams.queries';
import styles from './overview.module.css';

const SEARCH_DEBOUNCE_MS = 300;

interface OverviewToolbarProps {
  view: OverviewView;
  onViewChange: (change: Partial<OverviewView>) => void;
  onClear: () => void;
}

/** Name search, cluster, team (for users of several teams), health and type filters on the left; the lifecycle filter top right, as in the reference. */
export function OverviewToolbar({ view, onViewChange, onClear }: OverviewToolbarProps) {
  const { t } = useTranslation();
  const clusters = useClusterChoices();
  const teams = useTeams();
  const [search, setSearch] = useState(view.q);

  // Typing updates the URL once the user pauses; a URL change (back button, clear) updates the box.
  useEffect(() => setSearch(view.q), [view.q]);
  useEffect(() => {
    if (search.trim() === view.q) return undefined;
    const timer = setTimeout(() => onViewChange({ q: search.trim() }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search]);

  const lifecycle = view.lifecycles.length === 1 ? view.lifecycles[0] : view.lifecycles.length === 0 ? 'all' : undefined;

  return (
    <div className={styles.toolbar}>
      <div className={styles.toolbarLeft}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('overview.filters.search')}
          aria-label={t('overview.filters.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          className={styles.search}
          data-testid="overview-search"
        />
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('overview.filters.clusters')}
          aria-label={t('overview.filters.clusters')}
          loading={clusters.isPending}
          value={view.clusterIds}
          onChange={(clusterIds: string[]) => onViewChange({ clusterIds })}
          options={(clusters.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          optionFilterProp="label"
          style={{ minWidth: 180, maxWidth: 320 }}
          data-testid="cluster-filter"
        />
        {seesSeveralTeams(teams.data) && (
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={t('teams.picker.filter')}
            aria-label={t('teams.picker.filter')}
            value={view.teamIds}
            onChange={(teamIds: string[]) => onViewChange({ teamIds })}
            options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
            optionFilterProp="label"
            style={{ minWidth: 160, maxWidth: 300 }}
            data-testid="team-filter"
          />
        )}
        <Select
          mode="multiple"
          allowClear
          placeholder={t('overview.filters.health')}
          aria-label={t('overview.filters.health')}
          value={view.health}
          onChange={(health: HealthBand[]) => onViewChange({ health })}
          options={HEALTH_BANDS.map((band) => ({
            value: band,
            label: (
              <span>
                <span className={styles.healthDot} style={{ background: HEALTH_COLORS[band] }} />
                {t(`overview.health.band.${band}`)}
              </span>
            ),
            title: t(`overview.health.bandRange.${band}`),
          }))}
          maxTagCount="responsive"
          style={{ minWidth: 150, maxWidth: 220 }}
          data-testid="health-filter"
        />
        <Radio.Group
          optionType="button"
          value={view.mode ?? 'all'}
          onChange={(e) => onViewChange({ mode: e.target.value === 'all' ? null : e.target.value })}
          options={[
            { value: 'all', label: t('overview.mode.all') },
            { value: 'STREAMING', label: t('overview.mode.STREAMING') },
            { value: 'BATCH', label: t('overview.mode.BATCH') },
          ]}
        />
        {view.statuses.length > 0 && (
          <Tag closable onClose={() => onViewChange({ statuses: [] })} color="processing" data-testid="status-filter-tag">
            {t('overview.filters.statusFilter', { statuses: view.statuses.join(', ') })}
          </Tag>
        )}
        {isFiltered(view) && (
          <Button type="link" size="small" onClick={onClear}>
            {t('overview.filters.clear')}
          </Button>
        )}
      </div>
      <Radio.Group
        className={styles.toolbarRight}
        aria-label={t('overview.filters.lifecycle')}
        data-testid="lifecycle-filter"
        value={lifecycle}
        onChange={(e) => onViewChange({ lifecycles: e.target.value === 'all' ? [] : [e.target.value as OverviewLifecycle] })}
        options={[
          { value: 'all', label: t('overview.lifecycle.all') },
          ...LIFECYCLES.map((value) => ({ value, label: t(`overview.lifecycle.${value}`) })),
        ]}
        optionType="button"
        buttonStyle="solid"
      />
    </div>
  );
}
