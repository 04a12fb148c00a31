import detector from '../../../../lib/engine/detectors/en/refusal-without-alternative';
import { testDetector } from '../../../helpers/detector-tester';

testDetector(detector, {
  valid: [
    { text: "The hold is an Immunization Hold. State law requires the record for students living on campus, so we can't lift the hold without it, but it's quick to fix.", why: 'a no with the condition that turns it into a yes (h20en-07)' },
    {
      text: "The new price applies to every monthly subscriber, so I can't make an exception on the monthly plan.\n\nThere are two ways to pay less than $9.99, though:\n\n- Switch to annual billing.\n- Move to the 50-page plan.",
      why: 'the ways to pay less are the alternative (h12en-08)',
    },
    {
      text: "Annual plans are refundable within 30 days, so I can't refund this one in full — but here's what I can do: I've switched off auto-renewal and credited the remaining months.",
    },
    { text: "We aren't able to adjust past orders to sale prices, but I can do the next best thing: I've added a $20 credit to your account." },
    { text: "Deleted projects are kept for 30 days, so I can't restore it. What I can do is check for exported copies by tomorrow." },
    { text: "Done — your subscription is cancelled, and you won't be charged again.", why: 'a negated charge is good news, not a refusal' },
    { text: 'Nothing is wrong with your order; it ships Wednesday.' },
    { text: 'We can’t ship to P.O. boxes, but you can pick the parcel up at any UPS store instead.' },
    { text: "PDF export isn't something we plan to build soon, but you can print any report to PDF from your browser today.", why: 'a workaround is offered' },
    { text: "I can add them as a Billing Viewer. That role can see invoices but can't change your plan or payment method.", why: 'what a role can do, not a refusal' },
  ],
  invalid: [
    {
      text: 'Per our billing policy, invoices cannot be modified once they have been issued. Please let us know if you have any other questions.',
      context: { customerMessage: "Our AP team rejected your invoice because it's missing our PO number. Can you add it and resend?" },
      findings: [{ message: 'refusal', span: 'invoices cannot be modified' }],
    },
    {
      text: "Thanks for your suggestion. PDF export is not something we plan to build, and we don't have a timeline for it.",
      context: { customerMessage: 'Could you add an option to export reports to PDF? We need it for our board meetings.' },
      findings: [{ message: 'refusal', span: 'not something we plan to' }],
    },
    {
      text: 'Unfortunately we are unable to expedite orders once they have shipped.',
      findings: [{ message: 'refusal', span: 'we are unable to expedite' }],
    },
    {
      text: 'Refunds cannot be issued for courses that are more than 50% complete, so your refund is denied.',
      findings: [{ message: 'refusal', span: 'Refunds cannot be issued' }],
    },
    {
      text: "Our support team can't restore deleted workspaces.",
      context: { customerMessage: 'I deleted my workspace by accident, can you bring it back?' },
      findings: [{ message: 'refusal', span: "team can't restore" }],
    },
    { text: 'Your claim has been rejected.', findings: [{ message: 'refusal', span: 'claim has been rejected' }] },
    {
      text: 'Unfortunately we will not be able to refund this order.',
      context: { customerMessage: 'My order arrived damaged.' },
      findings: [{ message: 'refusal', span: 'we will not be able to refund' }],
    },
    { text: 'Worn items cannot be returned.', findings: [{ message: 'refusal', span: 'items cannot be returned' }] },
    {
      text: "Hi Ruth,\n\nWe don't offer refunds on digital gift cards.\n\nThanks,\nBilling Team",
      context: { customerMessage: 'I bought a digital gift card by mistake, can I get a refund?' },
      findings: [{ message: 'refusal', span: "We don't offer" }],
    },
  ],
});
