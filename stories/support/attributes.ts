import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import type { INVITE_SETTINGS, InviteSettingName, InviteSettings } from '../../src/context/invite-settings.js';
import { declarationOf } from './manifest.js';

/** A property's attribute: `userRole` is `user-role`. */
type Kebab<Name extends string> = Name extends `${infer First}${infer Rest}`
  ? `${First extends Lowercase<First> ? First : `-${Lowercase<First>}`}${Kebab<Rest>}`
  : Name;

/** A value as a story writes it in the attribute: a list as its text (`allowed-countries="US CA"`). */
type AttributeValue<Value> = Value extends readonly unknown[] ? string : Value;

/** Args named as the attributes of the properties `Names` of `Source`, with the values those take. */
type AttributeArgs<Source, Names extends keyof Source & string> = {
  [Name in Names as Kebab<Name>]?: AttributeValue<NonNullable<Source[Name]>>;
};

/** The settings that have an attribute: all but those `INVITE_SETTINGS` declares `attribute: false`. */
type AttributeSetting = {
  [Name in InviteSettingName]: (typeof INVITE_SETTINGS)[Name] extends { attribute: false } ? never : Name;
}[InviteSettingName];

/** The settings `Element` takes, as attributes: those it has a property for. */
export type SettingAttributes<Element> = AttributeArgs<InviteSettings, Extract<AttributeSetting, keyof Element>>;

/**
 * The args of a story that renders `Element` with `attributes()`: the attributes of its settings,
 * declared once in src/context/invite-settings.ts, and of its own properties `Own` (`callTimeout`
 * is `call-timeout`).
 */
export type ElementAttributes<Element, Own extends keyof Element & string = never> = SettingAttributes<Element> & AttributeArgs<Element, Own>;

/**
 * Writes a story's args as the attributes the manifest lists for the element it is on, as a page
 * would: `true` as a bare attribute; `false`, `undefined` and `''` as none; anything else as text.
 * Other args (event handlers) are left alone.
 */
class AttributesDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('attributes() goes in an element’s opening tag');
  }

  render(_args: object): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [args]: Parameters<this['render']>): typeof nothing {
    const { element } = part;
    const values = new Map(Object.entries(args));
    for (const { name } of declarationOf(element.localName).attributes ?? []) {
      const value: unknown = values.get(name);
      if (value === undefined || value === null || value === false || value === '') element.removeAttribute(name);
      else element.setAttribute(name, value === true ? '' : String(value));
    }
    return nothing;
  }
}

export const attributes = directive(AttributesDirective);
