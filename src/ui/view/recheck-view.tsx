import {Box, Text} from 'ink';
import type {OutcomeComparison} from '../../diagnosis/compare-outcomes.js';
import {safeLine, safeText} from './safe-text.js';
import {Prose} from './prose.js';
import {useTheme} from './theme.js';

/** Evidence lines shown per list. */
const shown = 4;

/** What "check again" found: the 403 is gone, or which evidence still stands. */
export function RecheckView({comparison}: {readonly comparison: OutcomeComparison}) {
	const theme = useTheme();
	const gone = comparison.verdict === 'gone';
	return (
		<Box flexDirection="column" marginTop={1}>
			<Prose {...theme.heading}>
				<Text {...theme.mark(gone ? 'ok' : comparison.verdict === 'unknown' ? 'warn' : 'fail')}>{gone ? '✓' : comparison.verdict === 'unknown' ? '!' : '✗'} </Text>
				Checked again: {safeText(comparison.headline)}
			</Prose>
			{gone ? null : <EvidenceList title="Still stands" mark="✗" items={comparison.stillStands} />}
			<EvidenceList title="No longer seen" mark="✓" items={comparison.cleared} />
		</Box>
	);
}

function EvidenceList({title, mark, items}: {readonly title: string; readonly mark: string; readonly items: readonly string[]}) {
	const theme = useTheme();
	if (items.length === 0) {
		return null;
	}

	return (
		<Box flexDirection="column" paddingLeft={2}>
			<Text {...theme.muted}>{title}:</Text>
			{items.slice(0, shown).map(item => (
				<Prose key={item}>
					{mark} {safeLine(item)}
				</Prose>
			))}
			{items.length > shown ? <Text {...theme.muted}>… and {items.length - shown} more</Text> : null}
		</Box>
	);
}
