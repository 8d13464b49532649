import {noPaint, type Paint} from '../report/render-text.js';

const sgr = (open: number, close: number) => (text: string) => `\u001B[${open}m${text}\u001B[${close}m`;

/** ANSI colours for the text report, or none (NO_COLOR, --no-color, not a terminal). */
export function createPaint(enabled: boolean): Paint {
	return enabled ? {bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39)} : noPaint;
}
