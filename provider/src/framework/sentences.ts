/**
 * Diagnostic text built from pieces, some of them from elsewhere (a server's message, an order's
 * reason): each piece ends in exactly one full stop, whether or not it came with one.
 */

/** The text, trimmed, ending in one full stop unless it already ends a sentence (`.`, `!`, `?`). */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed === '' || /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Sentences joined by a space, empty pieces left out: sentences('Order 1 erred: disk full.', 'Retry it') is 'Order 1 erred: disk full. Retry it.' */
export function sentences(...texts: (string | undefined)[]): string {
  return texts
    .filter((text): text is string => Boolean(text?.trim()))
    .map(sentence)
    .join(' ');
}
