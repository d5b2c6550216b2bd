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
import { ModulesPage } from './registry/ModulesPage';
import { ModulePage } from './registry/ModulePage';
import { ProvidersPage } from './registry/ProvidersPage';
import { ProviderPage } from './registry/ProviderPage';
import { RequireStaff } from './admin/RequireStaff';
import { UsersPage } from './admin/UsersPage';
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
            <Route path="/modules" element={<RequireSession children={<ModulesPage />} />} />
            <Route path="/modules/:namespace/:name/:system" element={<RequireSession children={<ModulePage />} />} />
            <Route path="/providers" element={<RequireSession children={<ProvidersPage />} />} />
            <Route path="/providers/:id" element={<RequireSession children={<ProviderPage />} />} />
            <Route
              path="/admin/users"
              element={<RequireSession children={<RequireStaff children={<UsersPage />} />} />}
            />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
