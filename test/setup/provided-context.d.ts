// What test/setup/global-mongo.ts hands to the test files through vitest's provide/inject.
declare module 'vitest' {
  export interface ProvidedContext {
    /** A MongoDB wire-protocol server for the tests: MONGODB_URI, or the FerretDB the setup started. */
    mongodbUri: string;
  }
}

export {};
