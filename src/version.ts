declare const FIX403_VERSION: string | undefined;

/** Replaced at build time; tests that import the sources read it from package.json instead. */
export const version: string = typeof FIX403_VERSION === 'string' ? FIX403_VERSION : (process.env['npm_package_version'] ?? '0.0.0-dev');
