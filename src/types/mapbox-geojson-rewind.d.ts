/** Types for @mapbox/geojson-rewind (it ships none): rewinds polygon rings in place; outer=false gives RFC 7946 winding (exterior counterclockwise). */
declare module '@mapbox/geojson-rewind' {
  import type { GeoJSON } from 'geojson';
  export default function rewind<T extends GeoJSON>(gj: T, outer?: boolean): T;
}
