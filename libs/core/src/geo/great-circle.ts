/**
 * Distances are great-circle kilometres on the mean Earth radius (IUGG, 6371.0088 km).
 *
 * Places are stored as points of earthdistance's cube (`ll_to_earth`, on a sphere of
 * 6378.168 km, its `earth()`), kept by triggers. Between two such points the cube gives the
 * straight-line chord c; the angle between them is 2·asin(c / 2R_cube), exact, and that angle
 * on the mean radius is the distance. A radius becomes the chord it subtends, so "within r km"
 * is one comparison with cube_distance — and its box, cube_enlarge(centre, chord), is what the
 * GiST indexes search.
 */
export const MEAN_EARTH_RADIUS_KM = 6371.0088;
const CUBE_RADIUS_M = 6_378_168;

/** SQL: great-circle km between two cube points (`ll_to_earth(...)::cube` or a stored point). */
export const kmBetween = (a: string, b: string) =>
  `(2 * ${MEAN_EARTH_RADIUS_KM} * asin(least(1.0, cube_distance(${a}, ${b}) / ${2 * CUBE_RADIUS_M})))`;

/** SQL: the chord, in cube metres, that a great-circle distance of `km` subtends. */
export const chordForKm = (km: string) => `(${2 * CUBE_RADIUS_M} * sin(least(pi() / 2, ${km}::float8 / ${2 * MEAN_EARTH_RADIUS_KM})))`;

/** SQL: the cube point of a latitude and longitude. */
export const earthPoint = (latitude: string, longitude: string) => `ll_to_earth(${latitude}::float8, ${longitude}::float8)::cube`;

/** SQL: `point` is within `km` of `centre` — the box first (what a GiST index answers), then the exact chord. */
export const withinKm = (point: string, centre: string, km: string) =>
  `(cube_enlarge(${centre}, ${chordForKm(km)}, 3) @> ${point} AND cube_distance(${point}, ${centre}) <= ${chordForKm(km)})`;
