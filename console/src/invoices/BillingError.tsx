import { ApiError } from '../api/http';
import { LoadState } from '../projects/LoadState';
import { problemText } from '../projects/problem-text';

/**
 * What a billing page shows instead of its figures: for a 403, plainly that this user may not see
 * them and who may (`who`), with the API's reason; otherwise the error, or "Loading".
 */
export function BillingError({ error, who }: { error: unknown; who: string }) {
  if (error instanceof ApiError && error.status === 403)
    return (
      <div className="refusal" role="alert">
        <p>
          <strong>You may not see these figures.</strong> {who}
        </p>
        <p className="meta">The server answered: {problemText(error)}</p>
      </div>
    );
  return <LoadState error={error ? problemText(error) : ''} />;
}
