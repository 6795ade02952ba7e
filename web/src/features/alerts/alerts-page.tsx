import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '../../components/page-header';
import { ChannelsTab } from './channels-tab';
import { HistoryTab } from './history-tab';
import { IncidentsTab } from './incidents-tab';
import { RulesTab } from './rules-tab';
import { SilencesTab } from './silences-tab';

const TABS = ['history', 'incidents', 'rules', 'channels', 'silences'] as const;
type AlertsTab = (typeof TABS)[number];

const CONTENT: Record<AlertsTab, () => JSX.Element> = {
  history: HistoryTab,
  incidents: IncidentsTab,
  rules: RulesTab,
  channels: ChannelsTab,
  silences: SilencesTab,
};

/** /alerts (the history), /alerts/incidents, /alerts/rules, /alerts/channels, /alerts/silences. */
export function AlertsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab } = useParams();
  const active: AlertsTab = TABS.includes(tab as AlertsTab) ? (tab as AlertsTab) : 'history';
  const Content = CONTENT[active];
  return (
    <>
      <PageHeader title={t('alerts.title')} subtitle={t('alerts.subtitle')} />
      <Tabs
        activeKey={active}
        // Each tab keeps its own filters in the URL; switching tabs starts from a clean query string.
        onChange={(key) => navigate(key === 'history' ? '/alerts' : `/alerts/${key}`)}
        items={TABS.map((key) => ({ key, label: t(`alerts.tabs.${key}`) }))}
      />
      <Content />
    </>
  );
}
