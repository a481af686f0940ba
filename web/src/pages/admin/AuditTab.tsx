// The audit trail, filtered by entity and record id.
import { useState } from 'react';
import { Button, Flex, InputNumber, Select } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { AUDIT_ENTITIES, type AuditEntity } from '../../api/audit';
import { AuditTable } from '../../components/AuditTable';

export function AuditTab() {
  const { t } = useTranslation();
  const [entity, setEntity] = useState<AuditEntity | undefined>();
  const [entityId, setEntityId] = useState<number | null>(null);
  const [applied, setApplied] = useState<{ entity?: AuditEntity; entityId?: number }>({});

  return (
    <>
      <form
        className="toolbar"
        role="search"
        aria-label={t('audit.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          setApplied({ entity, entityId: entity && entityId ? entityId : undefined });
        }}
      >
        <Flex gap={8} wrap align="center">
          <Select<AuditEntity>
            aria-label={t('audit.columns.entity')}
            placeholder={t('audit.allEntities')}
            allowClear
            value={entity}
            onChange={(v) => setEntity(v)}
            options={AUDIT_ENTITIES.map((e) => ({ value: e, label: t(`audit.entities.${e}`) }))}
            className="toolbar-select"
            data-testid="audit-entity"
          />
          <InputNumber<number>
            aria-label={t('audit.columns.entityId')}
            placeholder={t('audit.columns.entityId')}
            min={1}
            precision={0}
            value={entityId}
            onChange={(v) => setEntityId(v)}
            disabled={!entity}
            dir="ltr"
            className="toolbar-number"
          />
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {t('common.search')}
          </Button>
        </Flex>
      </form>
      <AuditTable key={`${applied.entity ?? ''}:${applied.entityId ?? ''}`} entity={applied.entity} entityId={applied.entityId} />
    </>
  );
}
