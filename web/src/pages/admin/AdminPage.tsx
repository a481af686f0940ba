// Administration: one tab per area the signed-in user may see. The tab is part of the URL
// (/admin/staff, /admin/branches, ...), so it survives a reload and can be linked to.
import { useNavigate, useParams } from 'react-router-dom';
import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Forbidden } from '../../components/Forbidden';
import { usePermissions } from '../../lib/usePermissions';
import { ADMIN_PERMISSIONS } from '../../layout/navigation';
import { ApiKeysTab } from './ApiKeysTab';
import { AuditTab } from './AuditTab';
import { ApplicationTypesTab, BranchesTab, LicenseClassesTab, TestTypesTab, ViolationTypesTab } from './ReferenceTabs';
import { StaffTab } from './StaffTab';


const REFERENCE = ['reference.read', 'reference.manage'];

const TABS = [
  { key: 'staff', anyOf: ['users.read'], Component: StaffTab },
  { key: 'branches', anyOf: REFERENCE, Component: BranchesTab },
  { key: 'license-classes', anyOf: REFERENCE, Component: LicenseClassesTab },
  { key: 'services', anyOf: REFERENCE, Component: ApplicationTypesTab },
  { key: 'tests', anyOf: REFERENCE, Component: TestTypesTab },
  { key: 'violation-types', anyOf: REFERENCE, Component: ViolationTypesTab },
  { key: 'api-keys', anyOf: ['apikeys.manage'], Component: ApiKeysTab },
  { key: 'audit', anyOf: ['audit.read'], Component: AuditTab },
] as const;

export function AdminPage() {
  const { t } = useTranslation();
  const { canAny } = usePermissions();
  const navigate = useNavigate();
  const { tab } = useParams();

  if (!canAny(ADMIN_PERMISSIONS)) return <Forbidden />;
  const visible = TABS.filter((x) => canAny(x.anyOf));
  const active = visible.find((x) => x.key === tab) ?? visible[0];

  return (
    <>
      <Typography.Title level={1} className="page-title" data-testid="page-title">
        {t('admin.title')}
      </Typography.Title>
      <Tabs
        activeKey={active.key}
        onChange={(key) => navigate(`/admin/${key}`)}
        destroyOnHidden
        items={visible.map(({ key, Component }) => ({
          key,
          label: t(`admin.tabs.${key}`),
          children: <Component />,
        }))}
        className="admin-tabs"
      />
    </>
  );
}
