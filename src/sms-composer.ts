/** Registers `<sms-composer>`. */
export { SmsComposer } from './components/sms-composer/sms-composer.js';
