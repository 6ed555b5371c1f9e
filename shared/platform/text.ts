/** Case- and accent-insensitive form used for prefix search: "Zoë  Ünal" -> "zoe unal". */
export function searchableText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[#\s]+/g, ' ')
    .trim();
}
