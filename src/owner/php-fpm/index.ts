export {checkPhpFpm, type PhpFpmCheckOptions, type PhpFpmCheckResult, type PhpFpmIo, type PoolSummary} from './check-php-fpm.js';
export {defaultLimitExtensions, extensionAllowed, limitExtensions, limitExtensionsFinding} from './limit-extensions.js';
export {defaultPoolGlobs, expandGlob, type FpmFsIo, loadFpmConfigs} from './load-configs.js';
export {createNodeFpmIo} from './node-io.js';
export {type FpmConfigFile, type FpmDirective, type FpmSection, parseFpmConfig} from './parse-config.js';
export {type FpmPool, poolsOf, poolValue, serviceName} from './pool.js';
export {canConnect, type ListenAddress, parseListen, type SocketSpec, socketSpec} from './socket.js';
