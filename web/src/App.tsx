// Providers (query cache, Ant Design direction/locale/theme) and the route table.
import { Suspense, lazy, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin, theme as antTheme, type ThemeConfig } from 'antd';
import arEG from 'antd/locale/ar_EG';
import enUS from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import 'dayjs/locale/ar'; // Arabic month and day names in the date picker
import { createQueryClient } from './api/queryClient';
import { RequireAuth } from './auth/RequireAuth';
import { RequirePermission } from './components/Forbidden';
import { directionOf } from './i18n/language';
import { usePrefersReducedMotion } from './lib/usePrefersReducedMotion';
import { AppShell } from './layout/AppShell';
import { NAV_ITEMS } from './layout/navigation';
import { ComingSoonPage } from './pages/ComingSoonPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';

// The larger sections load on first visit, keeping the first download small.
const AdminPage = lazy(() => import('./pages/admin/AdminPage').then((m) => ({ default: m.AdminPage })));
const PeopleListPage = lazy(() => import('./pages/people/PeopleListPage').then((m) => ({ default: m.PeopleListPage })));
const PersonFormPage = lazy(() => import('./pages/people/PersonFormPage').then((m) => ({ default: m.PersonFormPage })));
const PersonPage = lazy(() => import('./pages/people/PersonPage').then((m) => ({ default: m.PersonPage })));
const ApplicationsListPage = lazy(() =>
  import('./pages/applications/ApplicationsListPage').then((m) => ({ default: m.ApplicationsListPage })),
);
const ApplicationPage = lazy(() => import('./pages/applications/ApplicationPage').then((m) => ({ default: m.ApplicationPage })));
const LicensesListPage = lazy(() => import('./pages/licenses/LicensesListPage').then((m) => ({ default: m.LicensesListPage })));
const LicensePage = lazy(() => import('./pages/licenses/LicensePage').then((m) => ({ default: m.LicensePage })));
const LicenseCardPage = lazy(() => import('./pages/licenses/LicenseCardPage').then((m) => ({ default: m.LicenseCardPage })));
const VehiclesListPage = lazy(() => import('./pages/vehicles/VehiclesListPage').then((m) => ({ default: m.VehiclesListPage })));
const VehiclePage = lazy(() => import('./pages/vehicles/VehiclePage').then((m) => ({ default: m.VehiclePage })));
const ViolationsListPage = lazy(() =>
  import('./pages/violations/ViolationsListPage').then((m) => ({ default: m.ViolationsListPage })),
);
// Public: the licence check a QR code on a card opens, without signing in.
const VerifyPage = lazy(() => import('./pages/verify/VerifyPage').then((m) => ({ default: m.VerifyPage })));
const ReceiptPage = lazy(() => import('./pages/receipts/ReceiptPage').then((m) => ({ default: m.ReceiptPage })));

const FONT_STACK =
  "'IBM Plex Sans', 'Noto Sans Arabic', system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

const theme: ThemeConfig = {
  algorithm: antTheme.defaultAlgorithm,
  token: {
    colorPrimary: '#0b5394',
    fontFamily: FONT_STACK,
    borderRadius: 6,
  },
  components: {
    Layout: {
      headerBg: '#ffffff',
      headerHeight: 64,
      headerPadding: '0 16px',
      siderBg: '#ffffff',
      bodyBg: '#f3f5f8',
    },
    Menu: {
      itemSelectedBg: '#e3edf8',
      itemSelectedColor: '#0b5394',
    },
  },
};

// For users who asked the system for less motion: Ant Design's motion off (dialogs, drawers,
// menus and messages appear and go without their zoom, fade and slide; its transitions take 0s).
// Ant Design wraps its children in a motion provider the first time motion goes off, so turning
// the system setting on while the app is open mounts the pages afresh once (unsaved form input is
// lost); the cached server data stays, as the query cache is above.
const reducedMotionTheme: ThemeConfig = { ...theme, token: { ...theme.token, motion: false } };

/**
 * Re-renders Ant Design's direction and locale whenever the language changes, and its motion
 * whenever the user's reduced-motion setting does.
 */
export function LocalisedAntd({ children }: { children: React.ReactNode }) {
  const { i18n } = useTranslation();
  const reducedMotion = usePrefersReducedMotion();
  const ar = i18n.language === 'ar';
  return (
    <ConfigProvider
      direction={directionOf(i18n.language)}
      locale={ar ? arEG : enUS}
      theme={reducedMotion ? reducedMotionTheme : theme}
    >
      <AntApp component={false}>{children}</AntApp>
    </ConfigProvider>
  );
}

/** A public page loaded on first visit, with a spinner meanwhile (there is no shell around it). */
function PublicPage({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <div className="center-screen" role="status" aria-live="polite">
          <Spin size="large" />
          <span className="visually-hidden">{t('common.loading')}</span>
        </div>
      }
    >
      {children}
    </Suspense>
  );
}

// Sections that are not built yet; each becomes a real page in a later release.
const PLACEHOLDER_SECTIONS = NAV_ITEMS.filter((item) => !item.ready);

const PEOPLE_READ = ['people.read'];
const PEOPLE_WRITE = ['people.write'];
const APPLICATIONS_READ = ['applications.read'];
const LICENSES_READ = ['licenses.read'];
// GET /receipts/{number} needs applications.read (every role that collects payments has it).
const RECEIPTS_READ = ['applications.read'];
const VEHICLES_READ = ['vehicles.read'];
const VIOLATIONS_READ = ['violations.read'];

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <LocalisedAntd>
        <BrowserRouter>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            {/* Outside RequireAuth and the shell: anyone may check a licence, signed in or not. */}
            <Route path="/verify" element={<PublicPage><VerifyPage /></PublicPage>} />
            <Route path="/verify/:number" element={<PublicPage><VerifyPage /></PublicPage>} />
            <Route
              element={
                <RequireAuth>
                  <AppShell />
                </RequireAuth>
              }
            >
              <Route index element={<HomePage />} />
              <Route
                path="people"
                element={
                  <RequirePermission anyOf={PEOPLE_READ}>
                    <PeopleListPage />
                  </RequirePermission>
                }
              />
              <Route
                path="people/new"
                element={
                  <RequirePermission anyOf={PEOPLE_WRITE}>
                    <PersonFormPage key="new" />
                  </RequirePermission>
                }
              />
              <Route
                path="people/:id"
                element={
                  <RequirePermission anyOf={PEOPLE_READ}>
                    <PersonPage />
                  </RequirePermission>
                }
              />
              <Route
                path="people/:id/edit"
                element={
                  <RequirePermission anyOf={PEOPLE_WRITE}>
                    <PersonFormPage />
                  </RequirePermission>
                }
              />
              <Route
                path="applications"
                element={
                  <RequirePermission anyOf={APPLICATIONS_READ}>
                    <ApplicationsListPage />
                  </RequirePermission>
                }
              />
              <Route
                path="applications/:id"
                element={
                  <RequirePermission anyOf={APPLICATIONS_READ}>
                    <ApplicationPage />
                  </RequirePermission>
                }
              />
              <Route
                path="licenses"
                element={
                  <RequirePermission anyOf={LICENSES_READ}>
                    <LicensesListPage />
                  </RequirePermission>
                }
              />
              <Route
                path="licenses/:id"
                element={
                  <RequirePermission anyOf={LICENSES_READ}>
                    <LicensePage />
                  </RequirePermission>
                }
              />
              <Route
                path="licenses/:id/card"
                element={
                  <RequirePermission anyOf={LICENSES_READ}>
                    <LicenseCardPage />
                  </RequirePermission>
                }
              />
              <Route
                path="vehicles"
                element={
                  <RequirePermission anyOf={VEHICLES_READ}>
                    <VehiclesListPage />
                  </RequirePermission>
                }
              />
              <Route
                path="vehicles/:id"
                element={
                  <RequirePermission anyOf={VEHICLES_READ}>
                    <VehiclePage />
                  </RequirePermission>
                }
              />
              <Route
                path="violations"
                element={
                  <RequirePermission anyOf={VIOLATIONS_READ}>
                    <ViolationsListPage />
                  </RequirePermission>
                }
              />
              <Route
                path="receipts/:number"
                element={
                  <RequirePermission anyOf={RECEIPTS_READ}>
                    <ReceiptPage />
                  </RequirePermission>
                }
              />
              <Route path="admin" element={<AdminPage />} />
              <Route path="admin/:tab" element={<AdminPage />} />
              {PLACEHOLDER_SECTIONS.map((item) => (
                <Route
                  key={item.path}
                  path={`${item.path}/*`}
                  element={<ComingSoonPage titleKey={item.labelKey} />}
                />
              ))}
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </LocalisedAntd>
    </QueryClientProvider>
  );
}
