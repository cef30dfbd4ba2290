/**
 * Approximate village-centre coordinates (WGS84, about ±1 km) of the Solothurn municipalities the distance filter
 * and the mentoring distance know. Not in contracts/reference (no stored source has them); taken from the map for
 * the larger places and each Sozialregion's Leitgemeinde. A municipality missing here has no distance: the public
 * search refuses `near` for it by name (OF12) and mentoring scores it as unknown, never as near.
 */
export const MUNICIPALITY_COORDINATES: ReadonlyMap<number, readonly [lat: number, lon: number]> = new Map([
  [2401, [47.3197, 7.7951]],
  [2407, [47.2866, 7.7219]],
  [2408, [47.2965, 7.8395]],
  [2422, [47.3158, 7.6933]],
  [2428, [47.333, 7.636]],
  [2430, [47.2801, 7.5268]],
  [2465, [47.143, 7.47]],
  [2461, [47.115, 7.404]],
  [2473, [47.4806, 7.6167]],
  [2476, [47.481, 7.515]],
  [2479, [47.4845, 7.4569]],
  [2493, [47.3845, 7.948]],
  [2495, [47.3734, 7.9895]],
  [2499, [47.3932, 7.975]],
  [2500, [47.3654, 7.8858]],
  [2503, [47.421, 8.003]],
  [2513, [47.1815, 7.5586]],
  [2516, [47.221, 7.631]],
  [2517, [47.1988, 7.5883]],
  [2519, [47.1703, 7.5751]],
  [2526, [47.172, 7.527]],
  [2527, [47.2065, 7.587]],
  [2532, [47.215, 7.7]],
  [2534, [47.2022, 7.5627]],
  [2541, [47.255, 7.577]],
  [2542, [47.2116, 7.4998]],
  [2543, [47.1999, 7.4244]],
  [2544, [47.2192, 7.5526]],
  [2545, [47.2372, 7.599]],
  [2546, [47.1921, 7.3959]],
  [2547, [47.245, 7.578]],
  [2548, [47.2458, 7.5527]],
  [2549, [47.252, 7.598]],
  [2550, [47.2203, 7.5148]],
  [2551, [47.219, 7.455]],
  [2553, [47.23, 7.506]],
  [2554, [47.2315, 7.5667]],
  [2555, [47.224, 7.53]],
  [2556, [47.205, 7.454]],
  [2572, [47.353, 7.997]],
  [2573, [47.3484, 7.9448]],
  [2576, [47.3702, 8.018]],
  [2579, [47.3345, 7.8409]],
  [2581, [47.3499, 7.9077]],
  [2583, [47.3702, 8.0029]],
  [2586, [47.3443, 7.8697]],
  [2601, [47.2088, 7.5323]],
  [2613, [47.4072, 7.5453]],
  [2614, [47.396, 7.562]],
  [2619, [47.425, 7.423]],
  [2621, [47.363, 7.658]],
]);

/** Great-circle distance in km (haversine). */
export function distanceKm(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[0] - a[0]) * rad;
  const dLon = (b[1] - a[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
