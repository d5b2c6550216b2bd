import type { Order } from '@mercato/api';
import { useEffect, useState } from 'react';
import { usePageTitle } from '../layout/page-title';
import { LoadState } from '../projects/LoadState';
import { problemText } from '../projects/problem-text';
import { ShowMore } from '../projects/ShowMore';
import { usePaged } from '../projects/use-paged';
import { useSession, useToken } from '../session/session';
import { FocusedStatus } from '../members/FocusedStatus';
import { ApprovalItem } from './ApprovalItem';
import { mayApprove } from './approver-of';

const STAGES = [
  { state: 'pending-consumer', title: 'As the consumer (project managers, organization owners)' },
  { state: 'pending-provider', title: 'As the provider (owners, service managers)' },
] as const;
const PAGE_SIZE = 50;

/**
 * The approvals inbox: pending orders the user may approve or reject at their stage. The API lists
 * every order the user sees; the inbox keeps those the user's role decides (approver-of.ts).
 */
export function ApprovalsPage() {
  usePageTitle('Approvals');
  const [message, setMessage] = useState('');
  const [round, setRound] = useState(0);
  const decided = (text: string) => {
    setMessage(text);
    setRound((n) => n + 1);
  };

  return (
    <section className="narrow">
      <h1>Approvals</h1>
      {/* The decided order leaves the list, its button with it: focus goes to what happened. */}
      <FocusedStatus text={message} round={round} />
      {STAGES.map((stage) => (
        <StageInbox key={stage.state} {...stage} round={round} onDecided={decided} />
      ))}
    </section>
  );
}

/**
 * One stage's pending orders, a page at a time (the API's cursor): of each page, those the user's
 * role decides. `round` reads them again after a decision.
 */
function StageInbox(props: { state: string; title: string; round: number; onDecided(text: string): void }) {
  const { state, title, round, onDecided } = props;
  const token = useToken();
  const { user } = useSession();
  const pending = usePaged<Order>(`/orders?state=${state}`, PAGE_SIZE);
  const [orders, setOrders] = useState<Order[] | null>(null);
  const [error, setError] = useState('');
  const { reload } = pending;

  useEffect(() => {
    if (round) reload();
  }, [round, reload]);

  const items = pending.data?.items;
  useEffect(() => {
    if (!user || !items) return;
    let current = true;
    const cache = new Map<string, Promise<unknown>>();
    Promise.all(items.map((o) => mayApprove(token, user, o, cache))).then(
      (mine) => current && setOrders(items.filter((_, i) => mine[i])),
      (e: unknown) => current && setError(problemText(e)),
    );
    return () => {
      current = false;
    };
  }, [token, user, items]);

  if (!orders) return <LoadState error={pending.error || error} />;
  const more = !!pending.data?.more;
  return (
    <section aria-labelledby={`${state}-heading`}>
      <h2 id={`${state}-heading`}>
        {title}: {orders.length}
        {more ? ' or more' : ''}
      </h2>
      {orders.length ? (
        <ul className="orders">
          {orders.map((order) => (
            <ApprovalItem key={order.id} order={order} onDecided={onDecided} />
          ))}
        </ul>
      ) : (
        <p>Nothing waits for you here.</p>
      )}
      <ShowMore shown={pending.data?.items.length ?? 0} more={more} onMore={pending.showMore} />
    </section>
  );
}
