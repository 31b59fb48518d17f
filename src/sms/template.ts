/** The placeholders a message template may use, each written in braces: `{link}`. */
export const TEMPLATE_PLACEHOLDERS = ['link', 'room', 'inviter'] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

/** What each placeholder is replaced with. */
export type TemplateValues = Readonly<Record<TemplatePlaceholder, string>>;

/**
 * The template of the message sent when the host gives no template of its own, naming the inviter
 * and the room when they are known. It returns placeholders, never the names themselves: they are
 * filled in one pass by {@link fillTemplate}, so a name cannot add a placeholder. GSM-7 only
 * (straight quotes), so that it costs one plain SMS.
 */
export const defaultSmsTemplate = (inviter: boolean, room: boolean): string =>
  `${inviter ? '{inviter} invites you' : "You're invited"} to ${room ? 'the video call "{room}"' : 'a video call'}. Join here: {link}`;

const PLACEHOLDER = new RegExp(`\\{(${TEMPLATE_PLACEHOLDERS.join('|')})\\}`, 'g');

/**
 * Fills every `{link}`, `{room}` and `{inviter}` in `template`. Values are inserted as they are:
 * one pass, so a value that itself contains `{room}` is not expanded again, and a replacer
 * function, so `$&` or `$1` in a value is not read as a replacement pattern. Other text in
 * braces is left as typed.
 */
export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(PLACEHOLDER, (_match, name: TemplatePlaceholder) => values[name]);
}
