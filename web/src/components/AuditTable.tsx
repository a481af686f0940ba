// Audit trail entries, server-paged, each expandable to its before/after records side by side.
// Used by the person page (History) and by Administration (Audit trail).
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Table, Tag, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { auditKeys, fetchAudit, type AuditEntity, type AuditEntry } from '../api/audit';
import { diffRecords, showValue } from '../lib/diff';
import { formatDateTime } from '../lib/format';
import { ErrorAlert } from './ErrorAlert';
import { pagerTotal } from '../lib/paging';

const ACTION_COLORS: Record<string, string> = { create: 'green', update: 'blue', delete: 'red' };

/**
 * The entry's record: for an update, before and after side by side with changed fields marked;
 * for a creation (or a deletion) just the record as written (or as it was).
 */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const rows = diffRecords(entry.before, entry.after);
  if (rows.length === 0) return <p className="muted">{t('audit.noData')}</p>;
  const both = !!entry.before && !!entry.after;
  const only = entry.after ? 'after' : 'before';
  return (
    <div className="audit-diff-wrap">
      <table className="audit-diff" dir="ltr" data-testid="audit-diff">
        <caption className="visually-hidden">{t('audit.diffCaption', { id: entry.id })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.field')}</th>
            {both ? (
              <>
                <th scope="col">{t('audit.before')}</th>
                <th scope="col">{t('audit.after')}</th>
              </>
            ) : (
              <th scope="col">{t(`audit.${only}`)}</th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={both && r.changed ? 'changed' : undefined}>
              <th scope="row" className="mono">
                {r.key}
                {both && r.changed && <span className="visually-hidden"> ({t('audit.changed')})</span>}
              </th>
              {both ? (
                <>
                  <td className="before">
                    <bdi>{showValue(r.before)}</bdi>
                  </td>
                  <td className="after">
                    <bdi>{showValue(r.after)}</bdi>
                  </td>
                </>
              ) : (
                <td>
                  <bdi>{showValue(r[only])}</bdi>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AuditTable({ entity, entityId }: { entity?: AuditEntity; entityId?: number }) {
  const { t, i18n } = useTranslation();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const query = { entity, entityId, ...paging };
  const audit = useQuery({
    queryKey: auditKeys.list(query),
    queryFn: ({ signal }) => fetchAudit(query, signal),
    placeholderData: keepPreviousData,
  });

  const columns: TableProps<AuditEntry>['columns'] = [
    {
      key: 'at',
      title: t('audit.columns.at'),
      render: (_, e) => <time dateTime={e.at}>{formatDateTime(e.at, i18n.language)}</time>,
    },
    {
      key: 'actor',
      title: t('audit.columns.actor'),
      render: (_, e) => {
        const type = t(`audit.actorTypes.${e.actorType}`, { defaultValue: e.actorType });
        if (e.actorType === 'system') return <Tag>{type}</Tag>;
        const name = e.actorName ?? (e.actorId !== null ? `#${e.actorId}` : t('common.none'));
        return (
          <span>
            <bdi>{name}</bdi> {e.actorType !== 'user' && <Tag>{type}</Tag>}
          </span>
        );
      },
    },
    {
      key: 'action',
      title: t('audit.columns.action'),
      render: (_, e) => (
        <Tag color={ACTION_COLORS[e.action]}>{t(`audit.actions.${e.action}`, { defaultValue: e.action })}</Tag>
      ),
    },
    {
      key: 'entity',
      title: t('audit.columns.entity'),
      render: (_, e) => t(`audit.entities.${e.entity}`, { defaultValue: e.entity }),
    },
    { key: 'entityId', title: t('audit.columns.entityId'), render: (_, e) => <bdi className="mono">{e.entityId ?? ''}</bdi> },
    {
      key: 'requestId',
      title: t('audit.columns.requestId'),
      render: (_, e) => <bdi className="mono small">{e.requestId ?? ''}</bdi>,
    },
  ];

  return (
    <>
      {audit.isError && <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} />}
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        data-testid="audit-table"
        columns={columns}
        dataSource={audit.data?.items ?? []}
        loading={audit.isFetching}
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: (e) => <AuditDiff entry={e} /> }}
        locale={{ emptyText: t('audit.empty') }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          ...pagerTotal(t, audit.data, paging.page, paging.pageSize),
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          onChange: (page, pageSize) => setPaging({ page: pageSize !== paging.pageSize ? 1 : page, pageSize }),
        }}
      />
    </>
  );
}
