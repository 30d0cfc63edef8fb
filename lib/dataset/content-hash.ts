/** Stable ids for dataset contents. */

/** SHA-256 of `bytes` as lowercase hex (Web Crypto; async, no side effects). */
export async function hashBytes(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 of `text` (UTF-8) as lowercase hex (Web Crypto; async, no side effects). */
export function hashText(text: string): Promise<string> {
  return hashBytes(new TextEncoder().encode(text));
}
