import { useState } from 'react';
import { request } from '../api/http';
import { problemText } from '../projects/problem-text';
import { ConfirmButton } from '../resources/ConfirmButton';
import { useToken } from '../session/session';
import type { Collection, Member } from './member';

/** One member: their role, changed in place (a new grant replaces it), or removed after a confirmation. */
export function MemberRow(props: {
  collection: Collection;
  parentId: string;
  member: Member;
  roles: readonly string[];
  canManage: boolean;
  onChanged(text: string): void;
  onError(text: string): void;
}) {
  const { collection, parentId, member, roles, canManage, onChanged, onError } = props;
  const token = useToken();
  const [role, setRole] = useState(member.role);
  const [busy, setBusy] = useState(false);
  const path = `/${collection}/${parentId}/members`;

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      onChanged(done);
    } catch (e) {
      onError(problemText(e));
      setRole(member.role);
    } finally {
      setBusy(false);
    }
  };
  const changeRole = () =>
    run(
      () => request(token, path, { method: 'POST', body: { user_id: member.user_id, role } }),
      `${member.username} is now ${role}.`,
    );
  const remove = () =>
    run(
      () => request(token, `${path}/${member.user_id}`, { method: 'DELETE' }),
      `${member.username} removed (was ${member.role}).`,
    );

  return (
    <tr data-testid="member">
      <th scope="row">{member.username}</th>
      <td>
        {canManage ? (
          <>
            <select
              aria-label={`Role of ${member.username}`}
              value={role}
              disabled={busy}
              onChange={(e) => setRole(e.target.value)}
            >
              {[...new Set([member.role, ...roles])].map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>{' '}
            <button
              type="button"
              disabled={busy || role === member.role}
              aria-label={`Change the role of ${member.username}`}
              onClick={() => void changeRole()}
            >
              Change
            </button>
          </>
        ) : (
          member.role
        )}
      </td>
      {canManage && (
        <td>
          <ConfirmButton
            label={`Remove ${member.username}`}
            question={`Remove ${member.username}'s ${member.role} role? They lose access it gave.`}
            disabled={busy}
            onConfirm={() => void remove()}
          />
        </td>
      )}
    </tr>
  );
}
