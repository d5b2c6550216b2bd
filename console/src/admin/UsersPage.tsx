import { useCallback, useEffect, useState } from 'react';
import { messageOf, queryString, request } from '../api/http';
import type { ListOf, User } from '../api/types';
import { usePageTitle } from '../layout/page-title';
import { useToken } from '../session/session';
import { CreateUserForm } from './CreateUserForm';
import { IssueTokenForm } from './IssueTokenForm';
import { NewTokenNotice, type IssuedToken } from './NewTokenNotice';
import '../registry/registry.css';

/** Staff's page for people: create users and hand out their tokens (RequireStaff guards it in main.tsx). */
export function UsersPage() {
  usePageTitle('Users');
  const token = useToken();
  const [users, setUsers] = useState<User[]>([]);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [userId, setUserId] = useState('');
  const [issued, setIssued] = useState<IssuedToken | null>(null);

  const load = useCallback(async () => {
    try {
      const page = await request<ListOf<User>>(token, `/users${queryString({ limit: 100 })}`);
      setUsers(page.items);
    } catch (e) {
      setError(messageOf(e));
    }
  }, [token]);
  useEffect(() => void load(), [load]);

  return (
    <section>
      <h1>Users</h1>
      <p role="status">{status}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {issued && <NewTokenNotice issued={issued} onDismiss={() => setIssued(null)} />}
      <div className="registry-list">
        <div className="panel">
          <CreateUserForm
            onCreated={(user) => {
              // Listed at once (the status says it is there, the token form offers it); the reload follows.
              setUsers((listed) => (listed.some((u) => u.id === user.id) ? listed : [...listed, user]));
              setStatus(`User ${user.username} created: hand out a token below.`);
              setUserId(user.id ?? '');
              void load();
            }}
          />
        </div>
        <div className="panel">
          <IssueTokenForm users={users} userId={userId} onUserChange={setUserId} onIssued={setIssued} />
        </div>
      </div>
      <h2>All users</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="All users">
        <table data-testid="users">
          <thead>
            <tr>
              <th scope="col">Username</th>
              <th scope="col">Email</th>
              <th scope="col">Staff</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.username}</th>
                <td>{u.email}</td>
                <td>{u.is_staff ? 'yes' : 'no'}</td>
                <td>{u.created_at?.slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
