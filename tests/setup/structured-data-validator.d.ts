// @adobe/structured-data-validator ships JavaScript only: the parts tests/setup/structured-data.ts uses.
declare module "@adobe/structured-data-validator" {
  type Handler = () => Promise<{ default: new (options: never) => unknown }>;
  export default class Validator {
    constructor(schemaOrgJson?: unknown);
    debug: boolean;
    registeredHandlers: Record<string, Handler[]>;
    validate(data: { jsonld?: object; microdata?: object; rdfa?: object }): Promise<unknown[]>;
  }
}

declare module "@adobe/structured-data-validator/src/types/base.js" {
  type Issue = { issueMessage: string; severity: "ERROR" | "WARNING"; path: unknown; fieldNames: string[] } | null;
  type Condition = (data: unknown) => Issue;
  export default class BaseValidator {
    constructor(options: { dataFormat: string; path: unknown[] });
    path: unknown[];
    getConditions(data?: unknown): Condition[];
    validate(data: unknown): Issue[];
    required(name: string, type?: string, ...options: unknown[]): Condition;
    recommended(name: string, type?: string, ...options: unknown[]): Condition;
  }
}
