/** Site names for places where the full name is too long (map labels, alerts, lists). */

/**
 * A site's short name: its name up to the first comma or parenthesis.
 *
 * @example
 * shortName("Air Base 101, Niamey (Diori Hamani International Airport)"); // "Air Base 101"
 */
export function shortName(name: string): string {
  return name.split(/[,(]/)[0]?.trim() || name;
}

