import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { SessionProvider, RequireSession } from './session/session';
import { Layout } from './layout/Layout';
import { SignInPage } from './session/SignInPage';
import { CatalogPage } from './catalog/CatalogPage';
import { NotFoundPage } from './layout/NotFoundPage';
import { ProjectsPage } from './projects/ProjectsPage';
import { ProjectPage } from './projects/ProjectPage';
import { ResourcePage } from './resources/ResourcePage';
import { ApprovalsPage } from './approvals/ApprovalsPage';
import { ProviderQueuePage } from './provider-queue/ProviderQueuePage';
import { ModulesPage } from './registry/ModulesPage';
import { ProvidersPage } from './registry/ProvidersPage';
import { ProviderPage } from './registry/ProviderPage';
import { RequireStaff } from './admin/RequireStaff';
import { UsersPage } from './admin/UsersPage';
import { InvoicesPage } from './invoices/InvoicesPage';
import { EarningsPage } from './earnings/EarningsPage';
import { OrganizationPage } from './members/OrganizationPage';
import './styles.css';

// Loaded when first opened: the form library (rjsf, ajv) is most of the bundle, and the catalog,
// the first page, shows sooner without it (bench/console-catalog.ts).
const OfferingPage = lazy(() => import('./offering/OfferingPage').then((m) => ({ default: m.OfferingPage })));
// A module's README needs the Markdown renderer: loaded with its page too.
const ModulePage = lazy(() => import('./registry/ModulePage').then((m) => ({ default: m.ModulePage })));
const OrderPage = lazy(() => import('./orders/OrderPage').then((m) => ({ default: m.OrderPage })));
const LOADING = <p aria-live="polite">Loading…</p>;

/**
 * The console's pages. A new page is a route here and a link in layout/Layout.tsx; the server
 * answers index.html for any path outside the API and registry prefixes (server/src/console).
 */
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route element={<Layout />}>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route
              path="/"
              element={
                <RequireSession>
                  <CatalogPage />
                </RequireSession>
              }
            />
            <Route
              path="/offerings/:slug"
              element={
                <RequireSession>
                  <Suspense fallback={LOADING}>
                    <OfferingPage />
                  </Suspense>
                </RequireSession>
              }
            />
            <Route
              path="/orders/:id"
              element={
                <RequireSession>
                  <Suspense fallback={LOADING}>
                    <OrderPage />
                  </Suspense>
                </RequireSession>
              }
            />
            <Route
              path="/projects"
              element={
                <RequireSession>
                  <ProjectsPage />
                </RequireSession>
              }
            />
            <Route path="/organizations/:id" element={<RequireSession children={<OrganizationPage />} />} />
            <Route
              path="/projects/:id"
              element={
                <RequireSession>
                  <ProjectPage />
                </RequireSession>
              }
            />
            <Route
              path="/resources/:id"
              element={
                <RequireSession>
                  <ResourcePage />
                </RequireSession>
              }
            />
            <Route
              path="/approvals"
              element={
                <RequireSession>
                  <ApprovalsPage />
                </RequireSession>
              }
            />
            <Route
              path="/provider-queue"
              element={
                <RequireSession>
                  <ProviderQueuePage />
                </RequireSession>
              }
            />
            <Route path="/modules" element={<RequireSession children={<ModulesPage />} />} />
            <Route
              path="/modules/:namespace/:name/:system"
              element={
                <RequireSession>
                  <Suspense fallback={LOADING}>
                    <ModulePage />
                  </Suspense>
                </RequireSession>
              }
            />
            <Route path="/providers" element={<RequireSession children={<ProvidersPage />} />} />
            <Route path="/providers/:id" element={<RequireSession children={<ProviderPage />} />} />
            <Route
              path="/admin/users"
              element={<RequireSession children={<RequireStaff children={<UsersPage />} />} />}
            />
            <Route
              path="/invoices"
              element={
                <RequireSession>
                  <InvoicesPage />
                </RequireSession>
              }
            />
            <Route
              path="/earnings"
              element={
                <RequireSession>
                  <EarningsPage />
                </RequireSession>
              }
            />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
