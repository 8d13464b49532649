import {Box, Text} from 'ink';
import {useState} from 'react';
import {useKeys} from '../input/use-keys.js';
import type {ExportFormat} from '../../report/export/index.js';
import {exportChoices} from '../state/export-name.js';
import {ChoiceList} from './choice-list.js';
import {safeLine} from './safe-text.js';
import {TextInput} from './text-input.js';
import {useTheme} from './theme.js';

export type ExportDialogProps = {
	readonly defaultName: (format: ExportFormat) => string;
	/** Writes the export; resolves with where it went, rejects with a reason to show. */
	readonly onExport: (format: ExportFormat, path: string) => Promise<string>;
	readonly onDone: (path: string) => void;
	readonly onClose: () => void;
};

type Step =
	| {readonly kind: 'format'}
	/** `attempt` tells a retry from the first try, so the field starts again from what was typed. */
	| {readonly kind: 'path'; readonly format: ExportFormat; readonly path: string; readonly attempt: number; readonly error?: string}
	| {readonly kind: 'saving'; readonly format: ExportFormat; readonly path: string; readonly attempt: number};

/** Asks for a format, then a path (a default filled in), then writes. Esc cancels. */
export function ExportDialog({defaultName, onExport, onDone, onClose}: ExportDialogProps) {
	const theme = useTheme();
	const [step, setStep] = useState<Step>({kind: 'format'});
	useKeys((_input, key) => {
		if (key.escape) {
			onClose();
		}
	});

	const save = (format: ExportFormat, path: string, attempt: number) => {
		if (path.trim() === '') {
			setStep({kind: 'path', format, path, attempt: attempt + 1, error: 'give a file name'});
			return;
		}

		setStep({kind: 'saving', format, path, attempt});
		onExport(format, path.trim()).then(onDone, (error: unknown) => {
			setStep({kind: 'path', format, path, attempt: attempt + 1, error: error instanceof Error ? error.message : String(error)});
		});
	};

	return (
		<Box flexDirection="column" marginTop={1}>
			<Text {...theme.heading}>Export the transcript</Text>
			{step.kind === 'format' ? (
				<>
					<Text>Which format?</Text>
					<ChoiceList
						items={exportChoices}
						onSubmit={item => {
							const format = item.value as ExportFormat;
							setStep({kind: 'path', format, path: defaultName(format), attempt: 0});
						}}
					/>
				</>
			) : step.kind === 'path' ? (
				<>
					<Text>Save as (Enter to write):</Text>
					<TextInput
						key={step.attempt}
						initial={step.path}
						onSubmit={path => {
							save(step.format, path, step.attempt);
						}}
						onBack={() => {
							setStep({kind: 'format'});
						}}
					/>
					{step.error ? <Text {...theme.error}>✗ {safeLine(step.error)}</Text> : null}
				</>
			) : (
				<Text {...theme.muted}>Writing…</Text>
			)}
			<Text {...theme.muted}>Esc cancels.</Text>
		</Box>
	);
}
