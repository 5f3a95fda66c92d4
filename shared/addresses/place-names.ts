/** A place or region name compared without case, accents, dots or extra spaces ("Köln" = "KOLN"). */
export function foldPlaceName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[.\s]+/g, ' ')
    .trim()
    .toUpperCase();
}
