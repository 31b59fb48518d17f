export { countSms, SMS_ENCODINGS } from './segments.js';
export type { SmsCount, SmsEncoding } from './segments.js';
export { replaceTypographic, hasTypographicReplacements, TYPOGRAPHIC_REPLACEMENTS } from './typographic.js';
export { fillTemplate, defaultSmsTemplate, TEMPLATE_PLACEHOLDERS } from './template.js';
export type { TemplatePlaceholder, TemplateValues } from './template.js';
export { gsmSeptets, GSM_BASIC_CHARACTERS, GSM_EXTENSION_CHARACTERS } from './gsm-alphabet.js';
