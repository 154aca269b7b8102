/** Response bodies of the API by route, from the types generated from its OpenAPI document (npm run gen). */
import type { paths } from './generated/openapi.ts';

type Ok<P extends keyof paths> = paths[P] extends { get: { responses: { 200: { content: infer C } } } } ? C : never;
/** The JSON body of a GET route's 200 response. */
export type JsonBody<P extends keyof paths> = Ok<P> extends { 'application/json': infer B } ? B : never;
/** The GeoJSON body of a GET route's 200 response. */
export type GeoJsonBody<P extends keyof paths> = Ok<P> extends { 'application/geo+json': infer B } ? B : never;
