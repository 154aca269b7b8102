/** Where the data behind a live metric can be explored (a chart, map or entity page). */
import { href } from '../links.ts';

const BY_METRIC: Record<string, string> = {
  'megaconstellation-deployed-share': href('/chart/constellations'),
  'guowang-deployed': href('/entity/program.guowang'),
  'qianfan-deployed': href('/entity/program.qianfan'),
  'jilin-1-satellites': href('/entity/program.jilin-1'),
  'beidou-satellites': href('/entity/program.beidou'),
  'china-orbital-launches-per-year': href('/chart/launches', { from: 2010 }),
  'operational-spaceports': href('/chart/launches', { from: 2015 }),
  'legacy-launch-site-launches': href('/chart/launches', { from: 1970 }),
  'foreign-satellites-launched-by-china': href('/chart/launches', { from: 1990 }),
  'tiangong-modules': href('/tiangong'),
};

export function metricHref(metric: string | null, claimId: string): string {
  return (metric && BY_METRIC[metric]) || href(`/entity/${claimId}`);
}
