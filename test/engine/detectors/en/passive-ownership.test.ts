import detector from '../../../../lib/engine/detectors/en/passive-ownership';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../../../helpers/engine';
import { testDetector } from '../../../helpers/detector-tester';

testDetector(detector, {
  valid: [
    { text: "I'm sorry you got locked out with a deadline hanging over you.", why: 'sympathy with what the customer lived, not an account of what we did (h20en-15)' },
    { text: "That cut the interest you were charged by $10.20, which we've credited back.", why: 'a clause naming an amount (a reduced relative), not an account (h24en-15)' },
    { text: "We froze your card to stop any more charges. That's why it was declined at the store.", why: 'the one who acted was just named (h24en-02)' },
    { text: 'Your lumbar MRI on February 3 at Eastside Imaging was billed at the in-network rate of $2,380.', why: 'the subject names the party who billed (h16en-09)' },
    { text: 'The photo was taken indoors at night, and our auto-enhance did not brighten it enough.', why: 'a picture is taken by whoever holds the camera (h15en-06)' },
    { text: "Invoices can't be changed once they have been issued.", why: 'a condition in general, not an account of what happened' },
    { text: 'Your flight was delayed because of the storm in Denver.', why: 'what did it is named' },
    { text: 'The shipment was delayed due to a customs hold.', why: 'what did it is named' },
    { text: "You're right: you were charged twice.", why: 'confirming the customer’s report (h7en-14)' },
    { text: "I'm sorry that earlier email made it sound like you'd already been billed.", why: 'an echo, with the contracted auxiliary (h7en-27)' },
    { text: 'We cancelled your order and refunded the full amount.' },
    { text: 'Your order was cancelled by the courier after two failed deliveries.', why: 'the agent is named' },
    { text: 'Your refund will be processed tomorrow.', why: 'a future passive is a promise, not a dodge' },
    { text: 'I was told the parcel left the depot this morning.', why: 'first-person subject' },
    { text: 'Your package was delayed by the storm.', why: '"delayed" is not something the team does' },
    { text: 'Your account is locked for your security.', why: 'present passive describes a state' },
    { text: 'Your order was not cancelled.', why: 'negated passive: no clean active rewrite, and it denies the action' },
    { text: "We've been told the parcel is lost.", why: 'first-person subject, contracted auxiliary' },
    { text: "I'm so sorry — so you were charged twice for the same order.", why: 'echoes the customer’s report' },
    { text: 'I can see you were charged twice on March 3.', why: 'echoes the customer’s report' },
    { text: 'It sounds like you were logged out after the update.', why: 'echoes the customer’s report' },
    { text: "That's a random selection, and nothing in the entry has been flagged.", why: 'a negated head before a preposition: nothing happened (h6en-08)' },
    { text: 'We rolled the change back, and sync is working again. No files were lost.', why: 'a negated subject: nothing happened (h11en-09)' },
    { text: "You won't be charged for the replacement.", why: 'good news: only what the customer wants can be refused' },
  ],
  invalid: [
    {
      text: 'Your account has been temporarily suspended due to unusual login activity.',
      findings: [{ message: 'passive', span: 'Your account has been temporarily suspended', data: { active: "We've temporarily suspended your account" } }],
    },
    {
      text: 'Unfortunately, your request cannot be processed.',
      findings: [{ message: 'refusal', span: 'your request cannot be processed', data: { active: "we can't process your request" } }],
    },
    {
      text: 'Your order was delayed at our distribution center.',
      findings: [{ message: 'passive', span: 'Your order was delayed', data: { active: 'We delayed your order' } }],
      output: 'We delayed your order at our distribution center.',
    },
    {
      text: 'Your request for a fee reversal cannot be granted at this time.',
      findings: [{ message: 'passiveNoFix', span: 'cannot be granted' }],
    },
    {
      text: 'Unfortunately, this order will not be refunded.',
      findings: [{ message: 'refusal', span: 'this order will not be refunded', data: { active: "we won't refund this order" } }],
      output: "Unfortunately, we won't refund this order.",
    },
    {
      text: 'Your request for a refund was denied.',
      findings: [{ message: 'passiveNoFix', span: 'was denied' }],
    },
    {
      text: 'Mistakes were made.',
      findings: [{ message: 'passive', span: 'Mistakes were made', data: { active: 'We made mistakes' } }],
      output: 'We made mistakes.',
    },
    {
      text: 'Hi Jane, your order was cancelled yesterday.',
      findings: [{ message: 'passive', span: 'your order was cancelled' }],
      output: 'Hi Jane, we cancelled your order yesterday.',
    },
    {
      text: 'The refund has been processed.',
      findings: [{ message: 'passive', span: 'The refund has been processed' }],
      output: "We've processed the refund.",
    },
    {
      text: 'The refund has been processed and should arrive soon.',
      findings: [{ message: 'passiveNoFix', span: 'The refund has been processed', data: { passive: 'The refund has been processed' } }],
    },
    {
      text: 'Unfortunately, your subscription was accidentally charged twice.',
      findings: [{ message: 'passive', span: 'your subscription was accidentally charged', data: { active: 'we accidentally charged your subscription' } }],
      output: 'Unfortunately, we accidentally charged your subscription twice.',
    },
    {
      text: 'You were billed for the wrong plan.',
      findings: [{ message: 'passive', span: 'You were billed' }],
      output: 'We billed you for the wrong plan.',
    },
    {
      text: 'The refund was processed by Friday as promised.',
      findings: [{ message: 'passive', span: 'The refund was processed' }],
      output: 'We processed the refund by Friday as promised.',
    },
    {
      text: "Sorry, Jane — it's been cancelled already.",
      findings: [{ message: 'passive', span: "it's been cancelled", data: { active: "we've cancelled it" } }],
      output: "Sorry, Jane — we've cancelled it already.",
    },
    {
      text: 'We were charged twice, and the order was lost.',
      findings: [{ message: 'passive', span: 'the order was lost' }],
      output: 'We were charged twice, and we lost the order.',
    },
  ],
});

describe('a refusal in the passive', () => {
  it('is a mild tip (info): en/refusal-without-alternative judges the no itself', async () => {
    const engine = await testEngine();
    const report = engine.analyze('Unfortunately, this order will not be refunded.', { market: 'us' });
    const passive = report.findings.filter((f) => f.ruleId === 'en/passive-ownership');
    expect(passive.map((f) => f.level)).toEqual(['info']);
  });
});
