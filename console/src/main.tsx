import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { SessionProvider, RequireSession } from './session/session';
import { Layout } from './layout/Layout';
import { SignInPage } from './session/SignInPage';
import { CatalogPage } from './catalog/CatalogPage';
import { OfferingPage } from './offering/OfferingPage';
import { OrderPage } from './orders/OrderPage';
import { NotFoundPage } from './layout/NotFoundPage';
import { ProjectsPage } from './projects/ProjectsPage';
import { ProjectPage } from './projects/ProjectPage';
import { ResourcePage } from './resources/ResourcePage';
import { ApprovalsPage } from './approvals/ApprovalsPage';
import { ProviderQueuePage } from './provider-queue/ProviderQueuePage';
import { InvoicesPage } from './invoices/InvoicesPage';
import { EarningsPage } from './earnings/EarningsPage';
import './styles.css';

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
                  <OfferingPage />
                </RequireSession>
              }
            />
            <Route
              path="/orders/:id"
              element={
                <RequireSession>
                  <OrderPage />
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
