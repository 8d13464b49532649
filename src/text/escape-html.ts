const entities: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	'\'': '&#39;',
};

/**
Escapes text for HTML element content and for quoted attribute values. It does not make a value safe inside
`<script>`, `<style>`, an unquoted attribute or a URL attribute: the HTML export never puts content there.
*/
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, character => entities[character] ?? character);
}
