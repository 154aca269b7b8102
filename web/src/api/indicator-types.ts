/** /api/v1/indicators: the key findings with each claim's report value, metric definition and independent measure (types generated from the OpenAPI document). */
import type { JsonBody } from './contract.ts';

export type Indicators = JsonBody<'/api/v1/indicators'>;
export type FindingView = Indicators['findings'][number];
export type ClaimView = Indicators['otherClaims'][number];
export type LiveValue = NonNullable<ClaimView['live']>;
export type Trend = ClaimView['trend'];
export type MetricView = NonNullable<ClaimView['definition']>;
export type Comparison = ClaimView['comparison'];
