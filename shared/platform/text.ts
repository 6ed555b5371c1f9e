/** Case- and accent-insensitive form used for prefix search: "Zoë  Ünal" -> "zoe unal". */
export function searchableText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[#\s]+/g, ' ')
    .trim();
}

/** DynamoDB sort keys hold 1,024 bytes; the name part of an index key stays well inside that. */
const searchKeyBytes = 400;

/**
 * The searchable form cut to a byte budget on a character boundary: some characters expand a lot when
 * normalised (U+FDFD becomes 18 letters), so a valid name could otherwise overflow the index key.
 */
export function searchKey(text: string): string {
  const full = searchableText(text);
  if (Buffer.byteLength(full) <= searchKeyBytes) return full;
  let cut = '';
  for (const char of full) {
    if (Buffer.byteLength(cut + char) > searchKeyBytes) break;
    cut += char;
  }
  return cut.trimEnd();
}
