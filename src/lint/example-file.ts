/** The file name a rule example is linted as, unless it names its own. */
export const exampleFileName = '2025-01-01-example.md';
