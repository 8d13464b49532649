export {exportReport, type ExportOptions} from './export-report.js';
export {writeExport} from './write-export.js';
export {ExportError, exportFormats, formatFromPath, type ExportErrorCode, type ExportFormat} from './export-format.js';
export {toHar} from './to-har.js';
