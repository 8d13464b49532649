import http from 'node:http';
import {presetHeaders} from '../../src/lab/lab-input.js';
import type {LabPath, LabPresets} from '../../src/lab/types.js';

export type Sent = {status: number; headers: http.IncomingHttpHeaders; body: string};

/** One request with exactly these headers (node:http adds only Host and, with a body, Content-Length). */
export async function send(url: string, options: {method?: string; headers?: ReadonlyArray<readonly [string, string]>; body?: string} = {}): Promise<Sent> {
	return new Promise((resolve, reject) => {
		const request = http.request(url, {method: options.method ?? 'GET', headers: Object.fromEntries(options.headers ?? [])}, response => {
			let body = '';
			response.setEncoding('latin1');
			response.on('data', (chunk: string) => {
				body += chunk;
			});
			response.on('end', () => {
				resolve({status: response.statusCode ?? 0, headers: response.headers, body});
			});
		});
		request.on('error', reject);
		request.end(options.body);
	});
}

/** Sends a lab path's preset request, with `change` applied to it first. */
export async function sendPreset(path: LabPath, change: (presets: LabPresets) => LabPresets & {url?: string} = presets => presets): Promise<Sent> {
	const presets = change(path.presets);
	return send(presets.url ?? path.url, {method: presets.method, headers: presetHeaders(presets), body: presets.body});
}
