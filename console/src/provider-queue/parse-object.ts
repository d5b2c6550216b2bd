/** A JSON object typed into a text area, or why it is not one (named by its field). */
export function parseObject(field: string, text: string): { value?: Record<string, unknown>; error?: string } {
  if (!text.trim()) return { value: {} };
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return { value: value as Record<string, unknown> };
    return { error: `${field}: a JSON object, {"name": "value", ...}.` };
  } catch (e) {
    return { error: `${field}: not JSON (${e instanceof Error ? e.message : String(e)}).` };
  }
}
