/**
 * Approximate village-centre coordinates (WGS84, about ±1 km) of the Solothurn municipalities the distance filter
 * and the mentoring distance know. Not in contracts/reference (no stored source has them); taken from the map for
 * the larger places and each Sozialregion's Leitgemeinde. A municipality missing here has no distance: the public
 * search refuses `near` for it by name (OF12) and mentoring scores it as unknown, never as near.
 */
export const MUNICIPALITY_COORDINATES: ReadonlyMap<number, readonly [lat: number, lon: number]> = new Map([
  [2401, [47.3197, 7.7951]], [2407, [47.2866, 7.7219]], [2408, [47.2965, 7.8395]], [2422, [47.3158, 7.6933]],
  [2428, [47.3330, 7.6360]], [2430, [47.2801, 7.5268]], [2465, [47.1430, 7.4700]], [2461, [47.1150, 7.4040]],
  [2473, [47.4806, 7.6167]], [2476, [47.4810, 7.5150]], [2479, [47.4845, 7.4569]], [2493, [47.3845, 7.9480]],
  [2495, [47.3734, 7.9895]], [2499, [47.3932, 7.9750]], [2500, [47.3654, 7.8858]], [2503, [47.4210, 8.0030]],
  [2513, [47.1815, 7.5586]], [2516, [47.2210, 7.6310]], [2517, [47.1988, 7.5883]], [2519, [47.1703, 7.5751]],
  [2526, [47.1720, 7.5270]], [2527, [47.2065, 7.5870]], [2532, [47.2150, 7.7000]], [2534, [47.2022, 7.5627]],
  [2541, [47.2550, 7.5770]], [2542, [47.2116, 7.4998]], [2543, [47.1999, 7.4244]], [2544, [47.2192, 7.5526]],
  [2545, [47.2372, 7.5990]], [2546, [47.1921, 7.3959]], [2547, [47.2450, 7.5780]], [2548, [47.2458, 7.5527]],
  [2549, [47.2520, 7.5980]], [2550, [47.2203, 7.5148]], [2551, [47.2190, 7.4550]], [2553, [47.2300, 7.5060]],
  [2554, [47.2315, 7.5667]], [2555, [47.2240, 7.5300]], [2556, [47.2050, 7.4540]], [2572, [47.3530, 7.9970]],
  [2573, [47.3484, 7.9448]], [2576, [47.3702, 8.0180]], [2579, [47.3345, 7.8409]], [2581, [47.3499, 7.9077]],
  [2583, [47.3702, 8.0029]], [2586, [47.3443, 7.8697]], [2601, [47.2088, 7.5323]], [2613, [47.4072, 7.5453]],
  [2614, [47.3960, 7.5620]], [2619, [47.4250, 7.4230]], [2621, [47.3630, 7.6580]],
]);

/** Great-circle distance in km (haversine). */
export function distanceKm(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[0] - a[0]) * rad;
  const dLon = (b[1] - a[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
