import {Box, Text} from 'ink';
import {useChoiceInput} from '../input/use-choice-input.js';
import {useLatestReducer} from '../input/use-latest-reducer.js';
import {choiceReducer, initialChoice} from '../state/choice-state.js';
import {safeLine} from './safe-text.js';
import {useTheme} from './theme.js';

export type ChoiceItem = {
	readonly value: string;
	readonly label: string;
	readonly hint?: string;
};

export type ChoiceListProps = {
	readonly items: readonly ChoiceItem[];
	/** Row highlighted at first. */
	readonly initial?: number;
	readonly onSubmit: (item: ChoiceItem) => void;
	readonly isActive?: boolean;
};

/** A list to pick from with ↑/↓ and Enter, or a number. */
export function ChoiceList({items, initial = 0, onSubmit, isActive = true}: ChoiceListProps) {
	const [state, dispatch] = useLatestReducer(choiceReducer, () => initialChoice(items.length, initial));
	useChoiceInput({
		dispatch,
		isActive,
		onSubmit(index) {
			const item = items[index];
			if (item) {
				onSubmit(item);
			}
		},
	});
	return <ChoiceView items={items} focus={state.focus} />;
}

export function ChoiceView({items, focus}: {readonly items: readonly ChoiceItem[]; readonly focus: number}) {
	const theme = useTheme();
	return (
		<Box flexDirection="column">
			{items.map((item, index) => {
				const focused = index === focus;
				const number = index < 9 ? `${index + 1}.` : '  ';
				return (
					<Box key={item.value} flexDirection="column">
						<Box>
							<Text {...(focused ? theme.accent : {})}>{focused ? '❯ ' : '  '}</Text>
							<Box flexShrink={0}>
								<Text {...theme.muted}>{number} </Text>
							</Box>
							<Text {...(focused ? theme.accent : {})}>{safeLine(item.label)}</Text>
						</Box>
						{focused && item.hint ? (
							<Box paddingLeft={5}>
								<Text {...theme.muted}>{safeLine(item.hint)}</Text>
							</Box>
						) : null}
					</Box>
				);
			})}
		</Box>
	);
}
