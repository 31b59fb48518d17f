import type { ComplexAttributeConverter } from 'lit';
import { parseCountryCodes } from '../phone/country-codes.js';

/** Reads `allowed-countries="US CA"` (spaces or commas) into `['US', 'CA']`, and writes it back. */
export const countryCodesConverter: ComplexAttributeConverter<string[]> = {
  fromAttribute: (value) => parseCountryCodes(value),
  toAttribute: (value) => value.join(' '),
};
