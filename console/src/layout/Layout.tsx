import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useSession } from '../session/session';

/** Every page's frame: a skip link, the header (navigation, the user, sign out) and the main landmark. */
export function Layout() {
  const { token, user, signOut } = useSession();
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();

  // A new page moves focus to its content, as a page load would, for keyboard and screen reader users.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          Mercato
        </Link>
        {token && (
          <nav aria-label="Main">
            <ul>
              <li>
                <NavLink to="/" end>
                  Catalog
                </NavLink>
              </li>
              <li>
                <NavLink to="/projects">Projects</NavLink>
              </li>
              <li>
                <NavLink to="/approvals">Approvals</NavLink>
              </li>
              <li>
                <NavLink to="/provider-queue">Provider queue</NavLink>
              </li>
              <li>
                <NavLink to="/modules">Modules</NavLink>
              </li>
              <li>
                <NavLink to="/providers">Providers</NavLink>
              </li>
              <li>
                <NavLink to="/invoices">Invoices</NavLink>
              </li>
              <li>
                <NavLink to="/earnings">Earnings</NavLink>
              </li>
              {user?.is_staff && (
                <li>
                  <NavLink to="/admin/users">Users</NavLink>
                </li>
              )}
            </ul>
          </nav>
        )}
        {token && (
          <div className="user">
            <span aria-label="Signed in as">{user ? user.username : '…'}</span>
            <button type="button" onClick={signOut}>
              Sign out
            </button>
          </div>
        )}
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
