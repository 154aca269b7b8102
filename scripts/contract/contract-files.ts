/**
 * Every file of the API contract, by path: the response schemas (from src/api/response-types.ts),
 * the OpenAPI document, and the web app's generated types and enumerations. The OpenAPI document is
 * built from the response-schemas module as it is on disk, so `npm run gen` writes that one first.
 */
import { RESPONSE_SCHEMAS_PATH, renderResponseSchemas } from './response-schemas.js';
import { WEB_ENUMS_PATH, renderWebEnums } from './web-enums.js';

export function contractSourceFiles(): Record<string, string> {
  return { [RESPONSE_SCHEMAS_PATH]: renderResponseSchemas(), [WEB_ENUMS_PATH]: renderWebEnums() };
}

/** Imported only after the response schemas are written, so the server reads the new ones. */
export async function contractDocumentFiles(): Promise<Record<string, string>> {
  const { openApiFiles } = await import('./openapi-files.js');
  return openApiFiles();
}
