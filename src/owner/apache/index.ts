/** Apache httpd 2.4 configuration reader: parse, select and merge like httpd, judge what forbids a request. */
export {analyzeApache} from './analyze.js';
export type {ApacheAnalysis, AppliedSection} from './analysis.js';
export {findApacheConfig, configFromVersionOutput} from './find-config.js';
export type {FoundConfig} from './find-config.js';
export {webUserFromApache} from './web-user.js';
export type {ApacheWebUser} from './web-user.js';
export {loadApacheConfig} from './load.js';
export type {LoadOptions} from './load.js';
export {parseConfigText} from './parse.js';
export {renderApacheAnalysis} from './render.js';
export {nodeApacheIo} from './node-io.js';
export {ApacheConfigError} from './errors.js';
export type {ApacheConfigErrorCode} from './errors.js';
export type {ApacheConfig, ApacheDirective, ApacheFsEntry, ApacheIo, ApacheLocation, ApacheNode, ApacheRequest, ApacheSection} from './types.js';
export {apache403Codes, apacheLogCodeFinding} from './log-codes.js';
