import type { LitElement } from 'lit';

// A mixin's base constructor must take `any[]` (TypeScript's rule for mixin classes).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T> = new (...args: any[]) => T;

/** The members the mixin adds, declared apart so that the emitted .d.ts can name them. */
export declare class FormControlMembers {
  /** The element's link to its form: value, validity, states. */
  protected readonly internals: ElementInternals;
  /** Disabled by its own `disabled` or by a disabled `<fieldset>` around it. */
  protected formDisabled: boolean;
  /** The form this control belongs to. */
  get form(): HTMLFormElement | null;
  get validity(): ValidityState;
  get validationMessage(): string;
  get willValidate(): boolean;
  checkValidity(): boolean;
  reportValidity(): boolean;
  /** @internal */
  formDisabledCallback(disabled: boolean): void;
}

/**
 * What a form control offers a page, like a native one: its form, validity and the methods to
 * check it. A mixin rather than a controller because it adds public API.
 */
export function FormControl<Base extends Constructor<LitElement>>(base: Base) {
  class FormControlElement extends base {
    static formAssociated = true;

    protected readonly internals: ElementInternals = this.attachInternals();
    protected formDisabled = false;

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

    /** @internal */
    formDisabledCallback(disabled: boolean): void {
      this.formDisabled = disabled;
      this.requestUpdate();
    }
  }
  return FormControlElement as unknown as Constructor<FormControlMembers> & { formAssociated: boolean } & Base;
}
