import { Link } from 'react-router';
import { useLoad } from './use-load';

/**
 * An offering's or plan's name in place of its id (resources and orders carry ids only). The id
 * shows until the name is read, and stays when the user may not read the object.
 */
export function NameOf({ kind, id }: { kind: 'offerings' | 'plans'; id: string | undefined }) {
  const { data } = useLoad<{ name?: string; slug?: string }>(id ? `/${kind}/${encodeURIComponent(id)}` : null);
  const name = data?.name ?? id ?? '';
  if (kind === 'offerings' && data?.slug) return <Link to={`/offerings/${data.slug}`}>{name}</Link>;
  return <>{name}</>;
}
