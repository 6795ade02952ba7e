import { PlusSquareOutlined } from '@ant-design/icons';
import type { SqlCatalog } from '@weir/contract';
import { Alert, Button, Tag, Tooltip, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { quoteIfNeeded } from './sql-completion';

/** Catalogs → databases → tables and views (columns, options) and functions; names insert into the script. */
export function CatalogTree({ catalog, onInsert }: { catalog: SqlCatalog; onInsert: (text: string) => void }) {
  const { t } = useTranslation();

  const insertable = (label: ReactNode, text: string, testId?: string) => (
    <span data-testid={testId}>
      {label}{' '}
      <Tooltip title={t('sqlAuthoring.catalog.insert', { name: text })}>
        <Button
          size="small"
          type="text"
          aria-label={t('sqlAuthoring.catalog.insert', { name: text })}
          icon={<PlusSquareOutlined />}
          onClick={(e) => {
            e.stopPropagation();
            onInsert(text);
          }}
        />
      </Tooltip>
    </span>
  );

  const treeData = useMemo<DataNode[]>(
    () =>
      catalog.catalogs.map((c) => ({
        key: c.name,
        title: <Typography.Text strong>{c.name}</Typography.Text>,
        children: c.databases.map((d) => {
          const here = c.name === catalog.currentCatalog && d.name === catalog.currentDatabase;
          const path = `${c.name}/${d.name}`;
          return {
            key: path,
            title: d.name,
            children: [
              ...d.tables.map((table) => {
                const name = here ? quoteIfNeeded(table.name) : [c.name, d.name, table.name].map(quoteIfNeeded).join('.');
                const options = Object.entries(table.options);
                return {
                  key: `${path}/${table.name}`,
                  title: insertable(
                    <>
                      {table.name} {table.kind === 'VIEW' && <Tag>{t('sqlAuthoring.catalog.view')}</Tag>}
                    </>,
                    name,
                    `catalog-table-${table.name}`,
                  ),
                  children: [
                    ...table.columns.map((col) => ({
                      key: `${path}/${table.name}/${col.name}`,
                      isLeaf: true,
                      title: insertable(
                        <>
                          {col.name} <Typography.Text type="secondary">{col.type}</Typography.Text>
                        </>,
                        quoteIfNeeded(col.name),
                        `catalog-column-${table.name}-${col.name}`,
                      ),
                    })),
                    ...(options.length
                      ? [
                          {
                            key: `${path}/${table.name}/~options`,
                            title: t('sqlAuthoring.catalog.options'),
                            children: options.map(([k, v]) => ({ key: `${path}/${table.name}/~options/${k}`, isLeaf: true, title: <Typography.Text code>{`'${k}' = '${v}'`}</Typography.Text> })),
                          },
                        ]
                      : []),
                  ],
                };
              }),
              ...(d.functions.length
                ? [
                    {
                      key: `${path}/~functions`,
                      title: t('sqlAuthoring.catalog.functions'),
                      children: d.functions.map((f) => ({ key: `${path}/~functions/${f}`, isLeaf: true, title: insertable(f, f) })),
                    },
                  ]
                : []),
            ],
          };
        }),
      })),
    [catalog, t],
  );

  const expanded = catalog.catalogs.flatMap((c) => [c.name, ...c.databases.filter((d) => c.name === catalog.currentCatalog && d.name === catalog.currentDatabase).map((d) => `${c.name}/${d.name}`)]);

  return (
    <div data-testid="sql-catalog">
      {catalog.problem && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={t('sqlAuthoring.catalog.problem', { line: catalog.problem.line, column: catalog.problem.column, message: catalog.problem.message })} />
      )}
      {catalog.truncated && <Alert type="info" showIcon style={{ marginBottom: 8 }} message={t('sqlAuthoring.catalog.truncated')} />}
      <Tree key={JSON.stringify(expanded)} treeData={treeData} defaultExpandedKeys={expanded} selectable={false} blockNode expandAction="click" />
    </div>
  );
}
