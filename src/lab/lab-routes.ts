import {causeIds} from '../diagnosis/cause-ids.js';
import {apiRoutes} from './sites/api-site.js';
import {appRoutes} from './sites/app-site.js';
import {cloudflareRoutes} from './sites/cloudflare-site.js';
import {iisRoutes} from './sites/iis-site.js';
import {nginxRoutes} from './sites/nginx-site.js';
import {storageRoutes} from './sites/storage-site.js';
import type {LabRoute, LabSetting} from './types.js';

/** Every route of the lab; broken paths in the contract's cause order (outermost layer first). */
export function labRoutes(setting: LabSetting): LabRoute[] {
	const routes = [...cloudflareRoutes(), ...nginxRoutes(), ...iisRoutes(), ...apiRoutes(setting), ...appRoutes(setting), ...storageRoutes(setting)];
	const rank = (route: LabRoute) => (route.path ? causeIds.indexOf(route.path.cause) : causeIds.length);
	return routes.sort((a, b) => rank(a) - rank(b));
}
