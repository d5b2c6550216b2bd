/** The catalog's way to page a list: a button that shows the next page (the list says how many it shows). */
export function ShowMore({ shown, more, onMore }: { shown: number; more: boolean; onMore(): void }) {
  if (!more) return null;
  return (
    <p className="show-more">
      <span className="meta">{shown} shown. </span>
      <button type="button" onClick={onMore}>
        Show more
      </button>
    </p>
  );
}
