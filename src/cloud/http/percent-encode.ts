/**
 * RFC 3986 percent-encoding as both signature algorithms canonicalise values:
 * everything but `A–Z a–z 0–9 - _ . ~` becomes `%XX` (uppercase, UTF-8).
 * `encodeURIComponent` leaves `! ' ( ) *` literal, so those are fixed up.
 */
export function percentEncode(value: string): string {
  // Most keys and values (names, ids, nonces) need no encoding: skip the two passes then.
  if (UNRESERVED_ONLY.test(value)) return value;
  return encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

const UNRESERVED_ONLY = /^[A-Za-z0-9\-_.~]*$/;
