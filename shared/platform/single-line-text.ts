import * as z from 'zod/mini';

/**
 * Characters a name must not hold: control characters (C0 including NUL and tab, DEL, C1), the line and
 * paragraph separators, and the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069)
 * that make "abc\u202Egnp.exe" show as "abcexe.png". The marks U+200E, U+200F and U+061C stay allowed:
 * they only set the direction of the neutral characters beside them, which names in Arabic or Hebrew
 * mixed with Latin need, and they cannot reorder the text that follows (Unicode TR 9; CVE-2021-42574
 * lists only the embeddings, overrides and isolates).
 */
export const unsafeNameCharacter = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

export const singleLineMessage =
  'Use one line of text without control characters or text-direction overrides.';

export const isSingleLineText = (text: string): boolean => !unsafeNameCharacter.test(text);

/**
 * The check every name-like field carries (names, titles, tags, labels): add it after `z.trim()`, so a
 * trailing newline is trimmed away rather than refused.
 */
export const singleLine = () => z.refine<string>(isSingleLineText, singleLineMessage);
