import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { DEFAULT_SMS_TEMPLATE, fillTemplate } from '../../src/sms/index.js';
import { PROPERTY } from './helpers/arbitraries.js';

const values = { link: 'https://meet.example/r/abc', room: 'Standup', inviter: 'Ada' };

describe('fillTemplate', () => {
  it('fills the default template with the link', () => {
    expect(DEFAULT_SMS_TEMPLATE).to.equal("You're invited to join my video call. Join here: {link}");
    expect(fillTemplate(DEFAULT_SMS_TEMPLATE, values)).to.equal("You're invited to join my video call. Join here: https://meet.example/r/abc");
  });

  it('fills every occurrence of every placeholder', () => {
    expect(fillTemplate('{inviter} invites you to {room}: {link} ({room}, {link})', values)).to.equal(
      'Ada invites you to Standup: https://meet.example/r/abc (Standup, https://meet.example/r/abc)',
    );
  });

  it('leaves unknown placeholders and near misses as typed', () => {
    expect(fillTemplate('{name} {LINK} { link } {link {room', values)).to.equal('{name} {LINK} { link } {link {room');
    expect(fillTemplate('{{link}}', values)).to.equal('{https://meet.example/r/abc}');
  });

  it('inserts values literally: no replacement patterns, no second expansion, no markup', () => {
    const tricky = { link: "$& $1 $$ $` $' $<x>", room: '{inviter}', inviter: '<b>{link}</b>' };
    expect(fillTemplate('[{link}] [{room}] [{inviter}]', tricky)).to.equal("[$& $1 $$ $` $' $<x>] [{inviter}] [<b>{link}</b>]");
  });

  it('fills empty values with nothing', () => {
    expect(fillTemplate('Join {room}: {link}', { link: '', room: '', inviter: '' })).to.equal('Join : ');
  });

  it('inserts any value exactly as given', () => {
    const value = fc.string({ unit: 'binary', maxLength: 40, size: 'max' });
    fc.assert(
      fc.property(value, value, value, (link, room, inviter) => {
        expect(fillTemplate('{link}|{room}|{inviter}|{link}', { link, room, inviter })).to.equal(`${link}|${room}|${inviter}|${link}`);
      }),
      PROPERTY,
    );
  });

  it('gives back the template when each placeholder is filled with itself', () => {
    const template = fc.string({ unit: fc.constantFrom('{', '}', 'link', 'room', 'inviter', 'name', ' ', '$&', 'é'), maxLength: 40, size: 'max' });
    fc.assert(
      fc.property(template, (input) => {
        expect(fillTemplate(input, { link: '{link}', room: '{room}', inviter: '{inviter}' })).to.equal(input);
      }),
      PROPERTY,
    );
  });
});
