/**
A current desktop Chrome User-Agent (Chrome on Windows 10/11, x64), in the reduced form Chrome sends since
version 101: minor, build and patch frozen to `0.0.0`, platform frozen to `Windows NT 10.0; Win64; x64`
(https://www.chromium.org/updates/ua-reduction/). Chrome 154 was the stable release in November 2026 (it ships
every four weeks); a version far behind looks like a bot to some WAFs, so raise it now and then.
*/
export const browserUserAgent = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/154.0.0.0 Safari/537.36';
