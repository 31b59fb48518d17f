/** What a picker shows of a country, as intl-tel-input's data lists it. */
export interface CountryData {
  /** ISO 3166-1 alpha-2, upper case (`US`). */
  code: string;
  /** The calling code, without `+` (`1`). */
  dialCode: string;
  /** The flag's place in intl-tel-input's sprite. */
  flag: number;
}
