import { Link } from 'react-router';
import { usePageTitle } from './page-title';

export function NotFoundPage() {
  usePageTitle('Not found');
  return (
    <section className="narrow">
      <h1>Not found</h1>
      <p>
        Nothing is here. <Link to="/">Go to the catalog</Link>.
      </p>
    </section>
  );
}
