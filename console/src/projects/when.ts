/** A timestamp as the reader's locale writes it (the API answers ISO 8601 in UTC). */
export function when(timestamp: string | null | undefined): string {
  if (!timestamp) return '';
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? timestamp : date.toLocaleString();
}
