// The sections of the app, in menu order. Adding a section = one line here plus its page
// in App.tsx's routes; the menu, the drawer and the "coming soon" routes follow from this list.
// A section is listed only for users holding one of its permissions (`anyOf`).
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
  /** Shown to users holding at least one of these; absent = everyone signed in. */
  anyOf?: readonly string[];
  /** Built (false = a "coming soon" placeholder route). */
  ready: boolean;
}

/** Any of these opens Administration (and shows its menu entry). */
export const ADMIN_PERMISSIONS: readonly string[] = ['users.read', 'reference.manage', 'audit.read', 'apikeys.manage'];

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', labelKey: 'nav.home', icon: <HomeOutlined />, ready: true },
  { path: '/people', labelKey: 'nav.people', icon: <TeamOutlined />, anyOf: ['people.read'], ready: true },
  {
    path: '/applications',
    labelKey: 'nav.applications',
    icon: <FileTextOutlined />,
    anyOf: ['applications.read'],
    ready: true,
  },
  { path: '/licenses', labelKey: 'nav.licenses', icon: <IdcardOutlined />, anyOf: ['licenses.read'], ready: true },
  { path: '/vehicles', labelKey: 'nav.vehicles', icon: <CarOutlined />, anyOf: ['vehicles.read'], ready: true },
  { path: '/violations', labelKey: 'nav.violations', icon: <WarningOutlined />, anyOf: ['violations.read'], ready: true },
  {
    path: '/payments',
    labelKey: 'nav.payments',
    icon: <CreditCardOutlined />,
    anyOf: ['payments.collect', 'payments.refund'],
    ready: false,
  },
  { path: '/reports', labelKey: 'nav.reports', icon: <BarChartOutlined />, anyOf: ['reports.read'], ready: false },
  { path: '/admin', labelKey: 'nav.admin', icon: <SettingOutlined />, anyOf: ADMIN_PERMISSIONS, ready: true },
];

/** The sections a user with these permissions sees, in menu order. */
export function visibleNavItems(permissions: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.anyOf || item.anyOf.some((p) => permissions.includes(p)));
}

/** The menu entry to highlight for a location: its first path segment (/people/12 -> /people). */
export function selectedNavKey(pathname: string): string | undefined {
  const first = '/' + (pathname.split('/').filter(Boolean)[0] ?? '');
  return NAV_ITEMS.find((item) => item.path === first)?.path;
}
