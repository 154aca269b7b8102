/** A small locator map for one entity's coordinates (entity pages). */
import { h } from '../dom.ts';
import { loadAtlas } from './world-atlas.ts';
import { drawMap } from './world-map.ts';

export async function miniMap(lat: number, lon: number, label: string): Promise<HTMLElement> {
  const atlas = await loadAtlas();
  const map = drawMap(atlas, {
    width: 300, height: 200, view: { center: [lon, lat], span: 70 }, label: `Location of ${label}`,
    countryStyle: (c) => (c.alpha2 === 'CN' ? { className: 'china' } : null),
    points: [{ id: 'here', lat, lon, label, color: '#a4262c', radius: 5 }],
  });
  return h('div', { class: 'mini-map map-wrap' }, map);
}
