import detector from '../../../../lib/engine/detectors/en/blames-customer';
import { testDetector } from '../../../helpers/detector-tester';

testDetector(detector, {
  valid: [
    { text: "Here's what happened: your bank declined the second installment on February 1, and after three failed retries our system removed you from the roster.", why: 'the bank is a third party, not the customer (h26en-22)' },
    { text: "I'm so sorry. With this heat and a baby at home, you should have heard from us first thing this morning.", why: 'what we owed the customer, not their fault (h23en-30)' },
    { text: 'A $2,880 mistake is not something you should have had to find on your own.', why: 'h23en-12' },
    { text: 'Your bill went up because two new team members joined your workspace on May 3.', why: 'a cause that is not the customer’s doing' },
    { text: 'The package was held at the Denver hub because of the storm on Monday.' },
    { text: "No problem at all — I caught it in time! I've updated the address.", context: { customerMessage: 'I typed my address wrong, can you fix it?' }, why: 'the customer’s own mistake, fixed without blame' },
    { text: 'Thanks to your detailed report, we found the bug within an hour.', why: 'thanks, not blame' },
  ],
  invalid: [
    {
      text: 'Your account shows 1240 Maple Ave, so you must have mistyped it.',
      context: { customerMessage: 'My order says delivered but I never got it.' },
      findings: [{ message: 'blame', span: 'you must have mistyped' }],
    },
    {
      text: 'You should always double-check your shipping address before placing an order.',
      context: { customerMessage: 'My order says delivered but I never got it.' },
      findings: [{ message: 'blame', span: 'You should always' }],
    },
    {
      text: 'The disconnections are caused by your network configuration, not our app.',
      findings: [{ message: 'blame', span: 'caused by your network configuration' }],
    },
    {
      text: 'Your payment failed because you entered the wrong billing ZIP code.',
      findings: [{ message: 'blame', span: 'because you entered' }],
    },
    { text: 'This happened due to your incorrect shipping address.', findings: [{ message: 'blame', span: 'due to your incorrect shipping address' }] },
    { text: 'You should have checked your router settings before contacting us.', findings: [{ message: 'blame', span: 'You should have' }] },
    { text: 'It failed because you didn’t restart the app after the update.', findings: [{ message: 'blame', span: 'because you didn’t' }] },
  ],
});
