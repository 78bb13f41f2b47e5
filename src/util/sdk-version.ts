/** The package's version (scripts/test/package-entries.test.js keeps it equal to package.json's). */
export const SDK_VERSION = '0.1.0';
