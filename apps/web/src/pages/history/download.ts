import { session } from '../../api/session';

/**
 * Downloads a file the API answers only to a logged-in user (the CSV of a history): fetched with
 * the bearer token, then saved under the name the API gives (Content-Disposition).
 */
export const downloadWithToken = async (url: string, fallbackName: string): Promise<void> => {
  const token = session.token();
  const response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallbackName;
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(href);
};
