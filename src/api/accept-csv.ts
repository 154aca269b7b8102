/**
 * Content negotiation for the routes that offer CSV: without ?format, a request whose
 * Accept header prefers text/csv to application/json (RFC 9110 §12.5.1 quality values;
 * on a tie, the one listed first) gets CSV. Wildcards alone keep JSON.
 */
interface MediaRange { type: string; q: number; order: number }

function mediaRanges(accept: string): MediaRange[] {
  return accept.split(',').map((part, order) => {
    const [type = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    return { type, q: Number.isFinite(quality) ? quality : 0, order };
  });
}

export function prefersCsv(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranges = mediaRanges(accept);
  const csv = ranges.find((r) => r.type === 'text/csv');
  if (!csv || csv.q <= 0) return false;
  const json = ranges.find((r) => r.type === 'application/json');
  return !json || csv.q > json.q || (csv.q === json.q && csv.order < json.order);
}
