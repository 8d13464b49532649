import {version} from '../version.js';

/**
What fix403 calls itself when a probe does not choose a User-Agent: the product and version, and a `+URL`
where a site owner who finds it in the logs can read what it is (the convention of Googlebot & co.).
*/
export const fix403UserAgent = `fix403/${version} (+https://www.npmjs.com/package/fix403)`;
