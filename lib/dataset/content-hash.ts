/** Stable ids for dataset contents. */

/** SHA-256 of `text` as lowercase hex (Web Crypto; async, no side effects). */
export async function hashText(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
