export function minifyCss(text: string): string;
export function minifyHtml(parts: readonly string[]): string[];
