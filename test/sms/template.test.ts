import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { countSms, defaultSmsTemplate, fillTemplate } from '../../src/sms/index.js';
import { PROPERTY } from './helpers/arbitraries.js';

const values = { link: 'https://meet.example/r/abc', room: 'Standup', inviter: 'Ada' };

describe('fillTemplate', () => {
  it('fills the default template with the inviter and the room when they are known', () => {
    const filled = [
      [true, true],
      [false, true],
      [true, false],
      [false, false],
    ].map(([inviter, room]) => fillTemplate(defaultSmsTemplate(inviter!, room!), values));
    expect(filled).to.deep.equal([
      'Ada invites you to the video call "Standup". Join here: https://meet.example/r/abc',
      'You\'re invited to the video call "Standup". Join here: https://meet.example/r/abc',
      'Ada invites you to a video call. Join here: https://meet.example/r/abc',
      "You're invited to a video call. Join here: https://meet.example/r/abc",
    ]);
    for (const message of filled) expect(countSms(message), message).to.include({ encoding: 'GSM-7', segments: 1 });
  });

  it('fills names into the default template once: a name that holds a placeholder stays as typed', () => {
    const names = { link: 'https://meet.example/r/abc', room: '{link}', inviter: '{room} $& $1' };
    expect(fillTemplate(defaultSmsTemplate(true, true), names)).to.equal(
      '{room} $& $1 invites you to the video call "{link}". Join here: https://meet.example/r/abc',
    );
    const name = fc.string({ unit: fc.constantFrom('{', '}', 'link', 'room', 'inviter', '$&', ' ', 'é'), maxLength: 30 });
    fc.assert(
      fc.property(name, name, (inviter, room) => {
        const message = fillTemplate(defaultSmsTemplate(true, true), { link: 'L', room, inviter });
        expect(message).to.equal(`${inviter} invites you to the video call "${room}". Join here: L`);
      }),
      PROPERTY,
    );
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
