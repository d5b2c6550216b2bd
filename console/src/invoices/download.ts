import { ApiError } from '../api/http';

/**
 * GETs `path` (under /api/v1) with the user's token and saves the answer as `filename`. A plain
 * link cannot send the token (it lives in sessionStorage, not in a cookie), so the file is fetched,
 * then handed to the browser as an object URL. The text is saved exactly as the server sent it.
 */
export async function downloadFile(token: string, path: string, filename: string): Promise<void> {
  const response = await fetch(`/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) {
    const text = await response.text();
    throw new ApiError(response.status, text ? (JSON.parse(text) as object) : {});
  }
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoked after the click has started the download (the browser holds the blob by then).
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
