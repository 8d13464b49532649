import {Box, Text} from 'ink';
import type {OutcomeComparison} from '../../diagnosis/compare-outcomes.js';
import type {Report} from '../../report/types.js';
import {ChoiceList, type ChoiceItem} from './choice-list.js';
import {RecheckView} from './recheck-view.js';
import {useTheme} from './theme.js';
import {VerdictView} from './verdict-view.js';

export type VerdictAction = 'recheck' | 'export' | 'restart' | 'quit';

const actions: ReadonlyArray<ChoiceItem & {readonly value: VerdictAction}> = [
	{value: 'recheck', label: 'I applied a fix — check again', hint: 'Runs the same checks with the same answers and says whether the 403 is gone.'},
	{value: 'export', label: 'Export the transcript', hint: 'Markdown for a ticket, JSON, HTML or HAR.'},
	{value: 'restart', label: 'Start over'},
	{value: 'quit', label: 'Quit'},
];

export type VerdictScreenProps = {
	readonly report: Report;
	readonly comparison?: OutcomeComparison;
	/** False once the wizard ends: the verdict stays on screen, the actions go. */
	readonly showActions: boolean;
	/** False while a dialog has the keys. */
	readonly isActive: boolean;
	readonly onAction: (action: VerdictAction) => void;
};

/** What "check again" found, the verdict, and what to do next. */
export function VerdictScreen({report, comparison, showActions, isActive, onAction}: VerdictScreenProps) {
	const theme = useTheme();
	return (
		<Box flexDirection="column">
			{comparison ? <RecheckView comparison={comparison} /> : null}
			<VerdictView report={report} />
			{showActions ? (
				<Box flexDirection="column" marginTop={1}>
					<Text {...theme.heading}>What next?</Text>
					<ChoiceList
						items={actions}
						isActive={isActive}
						onSubmit={item => {
							onAction(item.value as VerdictAction);
						}}
					/>
				</Box>
			) : null}
		</Box>
	);
}
