import {Box, Text} from 'ink';
import type {SessionView} from '../../engine/session.js';
import {ChoiceList} from './choice-list.js';
import {ConfirmInput} from './confirm-input.js';
import {PasteInput} from './paste-input.js';
import {safeLine, safeText} from './safe-text.js';
import {TextInput} from './text-input.js';
import {Prose} from './prose.js';
import {useTheme} from './theme.js';

export type QuestionStepProps = {
	readonly question: NonNullable<SessionView['question']>;
	/** The answer given before going back to this question, offered again. */
	readonly previous?: string;
	/** Why the last answer was refused, shown in place. */
	readonly refusal?: string;
	readonly isActive: boolean;
	readonly onAnswer: (value: string) => void;
	readonly onBack: () => void;
	readonly onHelp: () => void;
};

/** The question being asked, with the input its kind calls for. */
export function QuestionStep({question, previous, refusal, isActive, onAnswer, onBack, onHelp}: QuestionStepProps) {
	const theme = useTheme();
	const choices = question.choices ?? [];
	const offered = previous ?? question.default;
	const initial = Math.max(0, choices.findIndex(choice => choice.value === offered));
	return (
		<Box flexDirection="column">
			<Prose {...theme.heading}>
				<Text {...theme.accent}>? </Text>
				{safeText(question.prompt)}
			</Prose>
			{question.kind === 'choice' ? (
				<ChoiceList items={choices} initial={initial} isActive={isActive} onSubmit={item => onAnswer(item.value)} />
			) : question.kind === 'confirm' ? (
				<ConfirmInput fallback={offered} isActive={isActive} onSubmit={onAnswer} />
			) : question.kind === 'paste' ? (
				<PasteInput isActive={isActive} onSubmit={onAnswer} onBack={onBack} onHelp={onHelp} />
			) : (
				<TextInput isActive={isActive} initial={offered ?? ''} onSubmit={onAnswer} onBack={onBack} onHelp={onHelp} />
			)}
			{refusal ? (
				<Prose {...theme.error}>
					✗ {safeLine(refusal)}
				</Prose>
			) : null}
		</Box>
	);
}
