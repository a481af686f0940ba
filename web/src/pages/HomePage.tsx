// Home: a welcome line, the server's health and what the signed-in user may do.
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Col, Descriptions, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { fetchHealth, healthQueryKey } from '../api/health';
import { useCurrentUser } from '../auth/useAuth';
import { useBranches } from '../api/hooks';
import { localName } from '../lib/format';

function HealthCard() {
  const { t } = useTranslation();
  const health = useQuery({
    queryKey: healthQueryKey,
    queryFn: ({ signal }) => fetchHealth(signal),
    refetchInterval: 30_000,
    retry: false,
  });
  const ok = health.data?.status === 'ok';
  return (
    <Card
      title={<h2 className="card-title">{t('home.health.title')}</h2>}
      data-testid="health-card"
      extra={
        <Button
          type="text"
          icon={<ReloadOutlined />}
          aria-label={t('home.health.refresh')}
          loading={health.isFetching}
          onClick={() => void health.refetch()}
        />
      }
    >
      {health.isPending ? (
        <Skeleton active paragraph={{ rows: 1 }} title={false} />
      ) : health.isError ? (
        <Alert type="error" showIcon title={t('home.health.down')} />
      ) : (
        <Descriptions
          column={1}
          items={[
            {
              key: 'status',
              label: t('home.health.status'),
              children: (
                <Badge
                  status={ok ? 'success' : 'warning'}
                  text={ok ? t('home.health.ok') : t('home.health.degraded', { status: health.data.status })}
                  data-testid="health-status"
                />
              ),
            },
            {
              key: 'version',
              label: t('home.health.version'),
              children: <bdi className="mono">{health.data.version}</bdi>,
            },
          ]}
        />
      )}
    </Card>
  );
}

function AccountCard() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const branches = useBranches();
  const none = t('home.account.none');
  const branch = branches.data?.find((b) => b.id === user.branchId);
  return (
    <Card title={<h2 className="card-title">{t('home.account.title')}</h2>} data-testid="account-card">
      <Descriptions
        column={1}
        items={[
          { key: 'username', label: t('home.account.username'), children: <bdi>{user.username}</bdi> },
          { key: 'role', label: t('home.account.role'), children: t(`roles.${user.role}`, { defaultValue: user.role }) },
          {
            key: 'branch',
            label: t('home.account.branch'),
            children: branch ? localName(branch, i18n.language) : (user.branchId ?? none),
          },
          {
            key: 'permissions',
            label: t('home.account.permissions'),
            children:
              user.permissions.length === 0 ? (
                t('home.account.noPermissions')
              ) : (
                <Flex wrap gap={4} component="ul" className="plain-list" data-testid="permissions">
                  {user.permissions.map((p) => (
                    <li key={p}>
                      <Tag className="mono" dir="ltr">
                        {p}
                      </Tag>
                    </li>
                  ))}
                </Flex>
              ),
          },
        ]}
      />
    </Card>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <>
      <Typography.Title level={1} className="page-title" data-testid="home-title">
        {t('home.title', { username: user.username })}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <HealthCard />
        </Col>
        <Col xs={24} lg={14}>
          <AccountCard />
        </Col>
      </Row>
    </>
  );
}
