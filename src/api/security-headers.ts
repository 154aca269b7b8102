/**
 * The Content-Security-Policy of every response (with @fastify/helmet's other headers: X-Content-Type-Options,
 * Referrer-Policy, X-Frame-Options). Scripts only from this origin (no inline script, no eval); inline style
 * attributes are allowed because Observable Plot writes them on its SVG; images also as data: URLs (the favicon).
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  // blob: lets the page read back the CSV/JSON downloads it made itself (URL.createObjectURL).
  connectSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
} as const;
