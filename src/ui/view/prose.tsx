import {Text, Transform, type TextProps} from 'ink';

/*
Ink wraps text with wrap-ansi's `trim: false`, so when a line breaks exactly at a space, the space starts the
next line and that line sits one column to the right of the others. Continuation lines lose that one space.
*/
const trimContinuation = (line: string, index: number): string => (index > 0 && line.startsWith(' ') ? line.slice(1) : line);

/** Text that may wrap over several lines, with its wrapped lines aligned. */
export function Prose(props: TextProps) {
	return (
		<Transform transform={trimContinuation}>
			<Text {...props} />
		</Transform>
	);
}
