import type { Order } from '@mercato/api';
import { useEffect, useState } from 'react';
import { isAbort, request } from '../api/http';
import type { ListOf } from '../api/types';
import { usePageTitle } from '../layout/page-title';
import { LoadState } from '../projects/LoadState';
import { problemText } from '../projects/problem-text';
import { useSession, useToken } from '../session/session';
import { ApprovalItem } from './ApprovalItem';
import { mayApprove } from './approver-of';

const STAGES = [
  { state: 'pending-consumer', title: 'As the consumer (project managers, organization owners)' },
  { state: 'pending-provider', title: 'As the provider (owners, service managers)' },
] as const;

/**
 * The approvals inbox: pending orders the user may approve or reject at their stage. The API lists
 * every order the user sees; the inbox keeps those the user's role decides (approver-of.ts).
 */
export function ApprovalsPage() {
  usePageTitle('Approvals');
  const token = useToken();
  const { user } = useSession();
  const [orders, setOrders] = useState<Order[] | null>(null);
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (!user) return;
    const controller = new AbortController();
    const cache = new Map<string, Promise<unknown>>();
    const load = async () => {
      const lists = await Promise.all(
        STAGES.map((s) =>
          request<ListOf<Order>>(token, `/orders?state=${s.state}&limit=200`, { signal: controller.signal }),
        ),
      );
      const pending = lists.flatMap((l) => l.items);
      const mine = await Promise.all(pending.map((o) => mayApprove(token, user, o, cache)));
      if (!controller.signal.aborted) setOrders(pending.filter((_, i) => mine[i]));
    };
    load().catch((e: unknown) => {
      if (!isAbort(e)) setError(problemText(e));
    });
    return () => controller.abort();
  }, [token, user, round]);

  const decided = (text: string) => {
    setMessage(text);
    setRound((n) => n + 1);
  };

  return (
    <section className="narrow">
      <h1>Approvals</h1>
      <div aria-live="polite">{message && <p className="success">{message}</p>}</div>
      {!orders ? (
        <LoadState error={error} />
      ) : (
        STAGES.map((stage) => {
          const waiting = orders.filter((o) => o.state === stage.state);
          return (
            <section key={stage.state} aria-labelledby={`${stage.state}-heading`}>
              <h2 id={`${stage.state}-heading`}>
                {stage.title}: {waiting.length}
              </h2>
              {waiting.length ? (
                <ul className="orders">
                  {waiting.map((order) => (
                    <ApprovalItem key={order.id} order={order} onDecided={decided} />
                  ))}
                </ul>
              ) : (
                <p>Nothing waits for you here.</p>
              )}
            </section>
          );
        })
      )}
    </section>
  );
}
