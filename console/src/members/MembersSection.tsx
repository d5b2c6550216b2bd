import { useState } from 'react';
import type { ListOf } from '../api/types';
import { LoadState } from '../projects/LoadState';
import { useLoad } from '../projects/use-load';
import { AddMemberForm } from './AddMemberForm';
import { FocusedStatus } from './FocusedStatus';
import type { Collection, Member } from './member';
import { MemberRow } from './MemberRow';

/**
 * The members of an organization or project with their roles; those who may manage them
 * (`roles` they may grant, empty: none) add, change and remove. After each action the list is
 * read again and focus moves to the status saying what happened.
 */
export function MembersSection(props: { collection: Collection; parentId: string; roles: readonly string[] }) {
  const { collection, parentId, roles } = props;
  const members = useLoad<ListOf<Member>>(`/${collection}/${parentId}/members`);
  const [status, setStatus] = useState({ text: '', error: false, round: 0 });
  const say = (text: string, error = false) => setStatus((s) => ({ text, error, round: s.round + 1 }));
  const changed = (text: string) => {
    say(text);
    members.reload();
  };
  const canManage = roles.length > 0;
  const headingId = `${collection}-members-heading`;

  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>Members</h2>
      <FocusedStatus text={status.text} error={status.error} round={status.round} />
      {!members.data ? (
        <LoadState error={members.error} />
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={headingId}>
          <table data-testid={`${collection}-members`}>
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Role</th>
                {canManage && <th scope="col">Remove</th>}
              </tr>
            </thead>
            <tbody>
              {members.data.items.map((m) => (
                <MemberRow
                  key={`${m.user_id}-${m.role}`}
                  collection={collection}
                  parentId={parentId}
                  member={m}
                  roles={roles}
                  canManage={canManage}
                  onChanged={changed}
                  onError={(text) => say(text, true)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canManage && (
        <AddMemberForm
          collection={collection}
          parentId={parentId}
          roles={roles}
          onAdded={(m) => changed(`${m.username} added as ${m.role}.`)}
        />
      )}
    </section>
  );
}
