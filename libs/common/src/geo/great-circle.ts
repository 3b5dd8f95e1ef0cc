/**
 * Distances are great-circle kilometres on the mean Earth radius (IUGG, 6371.0088 km).
 * PostgreSQL's earthdistance works on a sphere of 6378.168 km (its `earth()`), 0.11 % larger;
 * SQL scales its metres by this ratio, both when reporting a distance and when turning a
 * radius into earthdistance's units, so the database and the documentation agree.
 */
export const MEAN_EARTH_RADIUS_KM = 6371.0088;
export const EARTHDISTANCE_RADIUS_KM = 6378.168;
export const EARTH_SCALE = MEAN_EARTH_RADIUS_KM / EARTHDISTANCE_RADIUS_KM;

/** SQL: kilometres between two `ll_to_earth` points. */
export const kmBetween = (a: string, b: string) => `(earth_distance(${a}, ${b}) * ${EARTH_SCALE} / 1000)`;

/** SQL: a radius in km as earthdistance metres, for earth_box and comparisons with earth_distance. */
export const earthMetres = (km: string) => `(${km} * 1000 / ${EARTH_SCALE})`;
