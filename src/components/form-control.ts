import type { LitElement } from 'lit';

// A mixin's base constructor must take `any[]` (TypeScript's rule for mixin classes).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LitElementClass = abstract new (...args: any[]) => LitElement;

/**
 * What a form control offers a page, like a native one: its form, validity and the methods to
 * check it. A mixin rather than a controller because it adds public API.
 */
export function FormControl<Base extends LitElementClass>(base: Base) {
  abstract class FormControlElement extends base {
    static formAssociated = true;

    /** The element's link to its form: value, validity, states. */
    protected readonly internals: ElementInternals = this.attachInternals();

    /** The form this control belongs to. */
    get form(): HTMLFormElement | null {
      return this.internals.form;
    }

    get validity(): ValidityState {
      return this.internals.validity;
    }

    get validationMessage(): string {
      return this.internals.validationMessage;
    }

    get willValidate(): boolean {
      return this.internals.willValidate;
    }

    checkValidity(): boolean {
      return this.internals.checkValidity();
    }

    reportValidity(): boolean {
      return this.internals.reportValidity();
    }
  }
  return FormControlElement;
}
