// Checks live API answers against the OpenAPI document the app serves: each answer's JSON must
// validate against the schema the document gives for that operation and status (JSON Schema
// 2020-12, as OpenAPI 3.1 uses it), formats included.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { ValidateFunction } from "ajv";

type Document = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>; components: unknown };

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

export function responseChecker(document: unknown) {
  const doc = document as Document;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: "https://claimtrail.test/openapi.json", components: doc.components } as object);
  const compiled = new Map<string, ValidateFunction>();

  /** Throws unless `body` matches what the document promises for `path` (as templated), `method` and `status`. */
  return function check(path: string, method: string, status: number, contentType: string, body: unknown): void {
    const response = doc.paths[path]?.[method.toLowerCase()]?.responses[String(status)];
    if (!response) throw new Error(`The document has no ${status} answer for ${method} ${path}`);
    const media = contentType.split(";")[0]!.trim();
    const schema = response.content?.[media]?.schema;
    if (!schema) throw new Error(`The document has no ${media} body for ${status} of ${method} ${path}`);
    const key = `${method} ${path} ${status} ${media}`;
    let validate = compiled.get(key);
    if (!validate) {
      const rebased = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"https://claimtrail.test/openapi.json#/components/'));
      validate = ajv.compile(rebased);
      compiled.set(key, validate);
    }
    if (!validate(body)) throw new Error(`${key} does not match the document: ${ajv.errorsText(validate.errors)}`);
  };
}
