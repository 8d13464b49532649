import type {HarTimings} from '../../importers/har/har-types.js';

type Phases = Readonly<Record<string, number | undefined>>;

/**
HAR timings for a probe. The prober records got's `timings.phases` (wait, dns, tcp, tls, request, firstByte,
download, total); REFERENCE.md §4 maps them: blocked = wait, dns = dns, connect = tcp + tls, ssl = tls,
send = request, wait = firstByte, receive = download. Timings already named the HAR way pass through.
Unknown optional phases are -1; unknown required ones are 0, with the whole duration put in `wait` when
nothing is known. `time` is the sum of the known phases without `ssl`, which `connect` already contains.
*/
export function harTimings(phases: Phases | undefined, totalMs: number): {timings: HarTimings; time: number} {
	const value = (name: string): number | undefined => {
		const raw = phases?.[name];
		return typeof raw === 'number' && Number.isFinite(raw) && raw >= 0 ? raw : undefined;
	};

	const gotStyle = ['tcp', 'tls', 'request', 'firstByte', 'download'].some(name => value(name) !== undefined);
	const tcp = value('tcp');
	const tls = value('tls');
	const optional = (n: number | undefined) => n ?? -1;
	const timings: HarTimings = gotStyle
		? {
			blocked: optional(value('wait')),
			dns: optional(value('dns')),
			connect: tcp === undefined && tls === undefined ? -1 : (tcp ?? 0) + (tls ?? 0),
			ssl: optional(tls),
			send: value('request') ?? 0,
			wait: value('firstByte') ?? 0,
			receive: value('download') ?? 0,
		}
		: {
			blocked: optional(value('blocked')),
			dns: optional(value('dns')),
			connect: optional(value('connect')),
			ssl: optional(value('ssl')),
			send: value('send') ?? 0,
			wait: value('wait') ?? 0,
			receive: value('receive') ?? 0,
		};
	let time = [timings.blocked, timings.dns, timings.connect, timings.send, timings.wait, timings.receive].reduce<number>((sum, part) => sum + (part !== undefined && part > 0 ? part : 0), 0);
	if (time === 0 && totalMs > 0) {
		timings.wait = totalMs;
		time = totalMs;
	}

	return {timings, time};
}
