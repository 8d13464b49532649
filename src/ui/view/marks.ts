import type {FindingMark} from '../../evidence/types.js';

/** ✓ passes, ✗ points at a cause, ! worth knowing, · for the record. */
export const markSymbol: Record<FindingMark, string> = {ok: '✓', fail: '✗', warn: '!', info: '·'};

export function symbolOf(mark: FindingMark | undefined): string {
	return mark ? markSymbol[mark] : '·';
}
