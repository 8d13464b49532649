import {mintToken} from './lab-token.js';
import type {LabSetting} from './types.js';

/** The tokens the lab's presets carry, minted when the lab starts so their times are relative to now. */
export function labTokens(setting: LabSetting): {readonly readOnly: string; readonly expired: string} {
	const now = Math.floor(setting.startedAt / 1000);
	const common = {iss: `${setting.origin}/auth/`, aud: `${setting.origin}/api`, sub: 'user_8f2c1a'};
	return {
		readOnly: mintToken({...common, scope: 'users:read', iat: now - 300, exp: now + 3300}),
		expired: mintToken({...common, scope: 'orders:read orders:write', iat: now - 7200, exp: now - 3600}),
	};
}
