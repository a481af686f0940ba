// The signed-in frame: header (brand, language, user, sign-out), side navigation
// (a drawer on narrow screens) and the routed page in <main>.
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { Button, Drawer, Grid, Layout, Menu, Spin, Tooltip } from 'antd';
import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCurrentUser, useLogout } from '../auth/useAuth';
import { directionOf } from '../i18n/language';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';
import { selectedNavKey, visibleNavItems } from './navigation';
import { UserMenu } from './UserMenu';

const { Header, Sider, Content } = Layout;

function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const user = useCurrentUser();
  const selected = selectedNavKey(location.pathname);
  return (
    <nav aria-label={t('nav.label')}>
      <Menu
        mode="inline"
        className="side-menu"
        selectedKeys={selected ? [selected] : []}
        onClick={onNavigate}
        items={visibleNavItems(user.permissions).map((item) => ({
          key: item.path,
          icon: item.icon,
          label: (
            <Link to={item.path} aria-current={selected === item.path ? 'page' : undefined}>
              {t(item.labelKey)}
            </Link>
          ),
        }))}
      />
    </nav>
  );
}

export function AppShell() {
  const { t, i18n } = useTranslation();
  const logout = useLogout();
  const screens = Grid.useBreakpoint();
  const [drawerOpen, setDrawerOpen] = useState(false);
  // Before the first measurement useBreakpoint is empty; assume a wide screen.
  const wide = screens.lg ?? true;
  const compact = !(screens.md ?? true);
  const rtl = directionOf(i18n.language) === 'rtl';

  return (
    <Layout className="shell">
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <Header className="shell-header">
        {!wide && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t('nav.openMenu')}
            aria-expanded={drawerOpen}
            aria-controls="nav-drawer"
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <Link to="/" className="brand-link">
          <Brand />
        </Link>
        <div className="header-actions">
          <LanguageSwitch compact={compact} />
          {!compact && <UserMenu />}
          <Tooltip title={compact ? t('header.signOut') : undefined}>
            <Button
              icon={<LogoutOutlined />}
              loading={logout.isPending}
              disabled={logout.isPending}
              onClick={() => logout.mutate()}
              aria-label={compact ? t('header.signOut') : undefined}
              data-testid="sign-out"
            >
              {!compact && t('header.signOut')}
            </Button>
          </Tooltip>
        </div>
      </Header>
      <Layout>
        {wide && (
          <Sider width={240} className="shell-sider">
            <SideMenu />
          </Sider>
        )}
        <Content id="main-content" className="shell-content" tabIndex={-1}>
          <Suspense
            fallback={
              <div className="page-loading" role="status" aria-live="polite">
                <Spin />
                <span className="visually-hidden">{t('common.loading')}</span>
              </div>
            }
          >
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
      {!wide && (
        <Drawer
          id="nav-drawer"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement={rtl ? 'right' : 'left'}
          size={260}
          title={<Brand />}
          className="nav-drawer"
          styles={{ body: { padding: 0 } }}
        >
          {compact && (
            <div className="drawer-user">
              <UserMenu />
            </div>
          )}
          <SideMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
