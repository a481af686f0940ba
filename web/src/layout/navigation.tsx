// The sections of the app, in menu order. Adding a section = one line here plus its page
// in App.tsx's routes; the menu, the drawer and the "coming soon" routes follow from this list.
import type { ReactNode } from 'react';
import {
  BarChartOutlined,
  CarOutlined,
  CreditCardOutlined,
  FileTextOutlined,
  HomeOutlined,
  IdcardOutlined,
  SettingOutlined,
  TeamOutlined,
  WarningOutlined,
} from '@ant-design/icons';

export interface NavItem {
  /** Route path, also the menu key. */
  path: string;
  /** i18n key of the menu label and page title. */
  labelKey: string;
  icon: ReactNode;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', labelKey: 'nav.home', icon: <HomeOutlined /> },
  { path: '/people', labelKey: 'nav.people', icon: <TeamOutlined /> },
  { path: '/applications', labelKey: 'nav.applications', icon: <FileTextOutlined /> },
  { path: '/licenses', labelKey: 'nav.licenses', icon: <IdcardOutlined /> },
  { path: '/vehicles', labelKey: 'nav.vehicles', icon: <CarOutlined /> },
  { path: '/violations', labelKey: 'nav.violations', icon: <WarningOutlined /> },
  { path: '/payments', labelKey: 'nav.payments', icon: <CreditCardOutlined /> },
  { path: '/reports', labelKey: 'nav.reports', icon: <BarChartOutlined /> },
  { path: '/admin', labelKey: 'nav.admin', icon: <SettingOutlined /> },
];

/** The menu entry to highlight for a location: its first path segment (/people/12 -> /people). */
export function selectedNavKey(pathname: string): string | undefined {
  const first = '/' + (pathname.split('/').filter(Boolean)[0] ?? '');
  return NAV_ITEMS.find((item) => item.path === first)?.path;
}
