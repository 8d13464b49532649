export {parseHar, defaultMaxHarBytes, defaultMaxHarEntries, type ParseHarOptions, type ParsedHar} from './parse-har.js';
export {analyzeHar, harFailureStatuses, type HarAnalysis, type HarFailure} from './analyze-har.js';
export {entryView, headerMap} from './entry-view.js';
export {HarError, type HarErrorCode} from './har-error.js';
export type {Har, HarContent, HarCookie, HarEntry, HarLog, HarNameValue, HarPage, HarPostData, HarRequest, HarResponse, HarTimings} from './har-types.js';
