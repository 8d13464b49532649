import {botAndTextSamples} from './bots-and-texts.js';
import {cloudSamples} from './cloud.js';
import {cloudflareSamples} from './cloudflare.js';
import {edgeWafSamples} from './edge-waf.js';
import {negativeSamples} from './negatives.js';
import type {Sample} from './sample.js';
import {serverSamples} from './servers.js';

export {viewOf, type Sample} from './sample.js';

export const allSamples: readonly Sample[] = [...cloudflareSamples, ...edgeWafSamples, ...cloudSamples, ...serverSamples, ...botAndTextSamples, ...negativeSamples];
