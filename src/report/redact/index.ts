export {createRedactor, collectSecrets, type Redactor, type RedactorOptions} from './create-redactor.js';
export {isSecretHeaderName, isSecretParamName, redactedMarker, signatureParamNames} from './secret-names.js';
