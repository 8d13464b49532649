export {parsePastedResponse} from './parse-pasted-response.js';
export {parseCurlCommand, type ParsedCurlCommand} from './parse-curl-command.js';
export {PasteError, type PasteErrorCode} from './paste-error.js';
export type {ConnectionInfo, PastedExchange, PastedHop, PastedRequest, PastedResponse, PasteFormat} from './types.js';
export {secretsInPaste} from './secrets-in-paste.js';
