/** Registers `<country-picker>`. */
export { CountryPicker } from './components/country-picker/country-picker.js';
