/**
 * The English case reading (lib/engine/case/en.ts over lib/lang/en/case.ts): a table of drafts and
 * customer messages with what the reading must say. Replies of test/corpus/en.json that drove a change
 * are here as cases, cut to the sentences that mattered.
 */
import { describe, expect, it } from 'vitest';
import { readCase } from '../../../lib/engine/case';
import type { CaseReading } from '../../../lib/engine/case/types';
import { testEngine } from '../../helpers/engine';

interface Case {
  draft: string;
  customer?: string;
  /** Fields of the reading; a string stands for the span's text, true/false for its presence. */
  expect: Partial<Record<keyof CaseReading | 'dated' | 'upset', unknown>>;
  why?: string;
}

const cases: Case[] = [
  // what the customer reported: negation-aware, thanks, questions, mood
  { customer: 'No issues at all after the update — thanks for the quick fix!', draft: "That's great news — thanks for letting me know!", expect: { problem: false, state: 'none' }, why: '"no issues" is not a problem (us-thanks-no-issues)' },
  { customer: 'Thank you, the problem is solved and everything works without any issue.', draft: 'We are glad to hear it.', expect: { problem: false }, why: 'a problem that is over' },
  { customer: 'Will I lose my data if I downgrade to the free plan?', draft: 'No, your data stays safe.', expect: { problem: false }, why: 'a question about a failure reports none' },
  { customer: "I'm locked out of my account, the reset email never came.", draft: 'I have unlocked your account.', expect: { problem: true, state: 'resolved' } },
  { customer: "Tracking says delivered but there's nothing at my door.", draft: 'The package shows as delivered.', expect: { problem: true, state: 'open' }, why: 'something missing (held-out us-ho-no-empathy-open)' },
  { customer: "This is the second time my replacement arrived broken. I'm really frustrated.", draft: 'We will send another one.', expect: { upset: true } },
  { customer: 'My order #48213 was supposed to arrive Tuesday.', draft: 'It ships today.', expect: { upset: false } },
  { draft: 'The login error has been fixed.', expect: { problem: true }, why: 'the draft admits an error that happened, even fixed' },
  // state: resolved, scheduled (a dated remedy is a commitment), open
  { customer: 'I was charged twice!!', draft: "I've refunded the duplicate $29.00 charge.", expect: { state: 'resolved', owner: "I've refunded" } },
  { customer: 'My sofa is five weeks late.', draft: 'It is scheduled for delivery on Tuesday, June 10, between 9 a.m. and 1 p.m.', expect: { state: 'scheduled', dated: true } },
  { customer: 'Your app has been down all morning.', draft: "I'll personally update you by 1 p.m. ET.", expect: { state: 'scheduled', owner: "I'll personally update", dated: true } },
  { customer: "Our dashboard shows zero visitors since Monday, that can't be right.", draft: "We'll get back to you once we know more.", expect: { state: 'open', commitment: 'get', dated: false } },
  { customer: 'Why was my order cancelled? I never asked for that.', draft: 'Your order was cancelled.', expect: { problem: true, state: 'open' }, why: 'a cancellation the customer complains of is no remedy' },
  { customer: 'Still no tracking number for my order.', draft: 'Tracking numbers are sent once the order ships. Orders ship within 5–7 business days.', expect: { state: 'open' }, why: 'a general rule is neither a remedy done nor a dated promise' },
  // owner, handoff
  { customer: 'The sync stopped working yesterday.', draft: "We've passed this to our engineering team and they are looking into it.", expect: { owner: false, handoff: 'passed' } },
  { customer: 'The sync stopped working yesterday.', draft: 'I can see the gap too. I must point out that it happens.', expect: { owner: false }, why: 'feelings and modals are not ownership' },
  // cause and blame
  { draft: 'The package was held at the Denver hub because of the storm on Monday.', expect: { cause: 'because of', blame: false } },
  { draft: 'The disconnections are caused by your network configuration.', expect: { cause: 'caused by', blame: 'caused by your network configuration' } },
  { draft: 'Your bill went up because two new team members joined your workspace.', expect: { cause: 'because', blame: false } },
  // refusal and alternative
  { draft: 'Your refund request is therefore denied.', expect: { refusal: 'request is therefore denied', alternative: false } },
  { draft: "We don't offer refunds on digital gift cards.", expect: { refusal: "We don't offer" } },
  { draft: "I can't refund this one in full — but here's what I can do: I've added a credit.", expect: { refusal: "I can't refund", alternative: "here's what I can do" } },
  { draft: "You won't be charged again.", expect: { refusal: false }, why: 'a negated charge is good news' },
  // held-out rounds 1–6 (session 6)
  { customer: 'I bought 4 tickets and only 2 showed up in my account. The show is TOMORROW. I\'m freaking out.', draft: 'Your other 2 tickets are under a separate order.', expect: { problem: true, upset: true }, why: 'part of an order missing; distress (h6en-21)' },
  { customer: 'Can you rush 500 flyers by tomorrow?', draft: "Unfortunately, we can't take rush orders with less than 48 hours' notice.", expect: { refusal: "we can't take" }, why: 'a request turned down (h6en-28)' },
  { customer: 'Why did you reset my password?', draft: "We can't take any chances with your data, so we reset it.", expect: { refusal: false }, why: 'an idiom, not a no' },
  { customer: 'I want the resort fee refunded.', draft: 'The fee is disclosed at booking. We consider this matter closed.', expect: { refusal: 'consider this matter closed', alternative: false }, why: 'closing the matter is a no (h6en-29)' },
  { customer: 'My thermostat keeps resetting every night.', draft: "We'll look into it and get back to you.", expect: { state: 'open', nextStep: false }, why: 'a promise of news is no next step (hen-27)' },
  { customer: 'My dishwasher leaked.', draft: 'A technician will visit on Thursday, December 10, between 1 and 5 p.m.', expect: { state: 'scheduled', nextStep: true }, why: 'any action promised with a date (h3en-27)' },
  { customer: "My belongings were supposed to arrive on the 18th. It's the 21st and nobody can tell me where the truck is.", draft: "I've reached out to dispatch.", expect: { problem: true, upset: true }, why: 'what was due did not happen; nobody can tell me (h7en-16)' },
  { customer: "My thermostat was offline all night. I couldn't turn the heat up when the baby woke. I have a newborn.", draft: 'The outage is over.', expect: { problem: true, upset: true }, why: 'a hardship weighs on the case (h7en-12)' },
  { customer: 'Can I freeze my annual membership?', draft: "Unfortunately, annual memberships can't be frozen.", expect: { refusal: true }, why: 'an irregular participle (h7en-18)' },
  { customer: 'Please add a dark mode. I study late at night and the white screen is brutal on my eyes.', draft: 'Thanks for the suggestion, and for putting in the late-night study hours!', expect: { problem: false }, why: 'late at night is a time, not a delay (h9en-03)' },
  { customer: 'Tempo has been down for an hour.', draft: "We're posting updates every 30 minutes at our status page.", expect: { commitment: true, dated: true }, why: 'a cadence we keep (h8en-12)' },
  { customer: 'Are your granola bars safe for a tree nut allergy?', draft: "We clean the line between runs, but we can't guarantee that no trace amounts remain.", expect: { refusal: false }, why: 'a caveat, not a request turned down (h9en-04)' },
  { customer: 'My internet has been dropping every evening for a week. This is killing me.', draft: 'I ran a line test.', expect: { problem: true, upset: true, state: 'open' }, why: 'a line that cuts out; running a test is no remedy (h10en-12)' },
  { customer: 'The tracking says delivered but there is no package.', draft: 'Carriers occasionally scan a package as delivered a day before it actually arrives.', expect: { state: 'open', commitment: false }, why: 'a habit told in general is no promise (h10en-26)' },
  { customer: 'Your payment site has been down all morning.', draft: 'We expect the portal to be back by 2:00 p.m. CT today.', expect: { state: 'scheduled', dated: true }, why: 'an expectation with a time (h3en-06)' },
  { customer: 'My water bill is $412.', draft: "Here's what I've done:\n- Issued a corrected bill for $58.20.", expect: { state: 'resolved' }, why: 'a list of remedies done (h10en-15)' },
  { customer: 'My internet keeps dropping.', draft: 'In the meantime, restarting your modem may help.', expect: { nextStep: false }, why: 'a hedge is no next step (h10en-12)' },
  { customer: "Can you tell me what their feedback was?", draft: "Unfortunately, we're not able to share the client's interview feedback.", expect: { refusal: true, alternative: false }, why: 'h11en-27' },
  { customer: "Can you just tell me what's on our last bill?", draft: "I can't share its details without his OK. Two quick ways around it: he can add you as a user, or I can go over the bill with you once he replies.", expect: { refusal: true, alternative: true }, why: 'ways offered around a no (hen-13)' },
  { customer: "Door 22 won't open.", draft: "I've extended your pickup window by 3 days, so we won't return your package while we sort this out.", expect: { refusal: false }, why: 'a future negation of an action the customer does not want is good news (h9en-22)' },
  { customer: 'Can you refund it?', draft: "Unfortunately, we won't refund this order.", expect: { refusal: true } },
  { customer: 'My gems never showed up.', draft: "We'll get back to you once we know more. You don't need to do anything in the meantime.", expect: { nextStep: false }, why: 'nothing offered (h8en-30)' },
  { customer: 'My account got banned for cheating. This is unacceptable.', draft: 'I went ahead and lifted the ban.', expect: { state: 'resolved' }, why: 'the subject left out after "and" (h3en-25)' },
  { customer: 'My new stand mixer arrived with a cracked bowl.', draft: "I'm sorry it arrived like that. I've added a note about the damage to your order, and I've shared your photos with our shipping team.", expect: { state: 'open', nextStep: false }, why: 'a note added to the order is bookkeeping, not a remedy (h12en-29)' },
  { customer: 'My new stand mixer arrived with a cracked bowl.', draft: "I'm sorry it arrived like that. I've added a $20 credit to your account and shipped a new bowl today.", expect: { state: 'resolved' }, why: 'a credit added is a remedy' },
  { customer: 'Would love a waitlist feature in the app for spin classes.', draft: "Our app team is building it now. I don't have a release date to share yet, but it's planned for later this year.", expect: { problem: false }, why: '"later this year" is a time, not lateness (h12en-25)' },
  { draft: 'Your order arrived two days later than promised, and I am sorry.', expect: { problem: true }, why: '"later than promised" is lateness' },
  { customer: "Why is my gas off?? I paid the bill last week. I have two little kids and no heat and it's 30 degrees out.", draft: 'Your gas service is off because our technician found a leak.', expect: { problem: true }, why: 'a why-question takes the failure as given; no heat is an essential out (h13en-02)' },
  { customer: 'Power was out on our street for 9 hours yesterday. What happened?', draft: 'A tree limb fell on the line.', expect: { problem: false }, why: 'an outage told in the past with how long it lasted is over, and the customer asks what happened' },
  { customer: 'Just wanted to say thanks to Lena, who stayed on the phone with me for an hour during the outage last night.', draft: "Thank you so much for taking the time to write this! I've passed your note along to Lena.", expect: { problem: false }, why: 'a trouble named as what the thanks are for is over (h13en-05)' },
  { customer: "This is the THIRD time I'm writing. You received my return on the 2nd.", draft: 'We process refunds within 14 business days.', expect: { problem: true }, why: 'a repeat contact is an unresolved case (h13en-10)' },
  { customer: "You denied my claim for my MRI saying it wasn't covered.", draft: 'We reviewed your claim.', expect: { problem: true }, why: 'a ruling against the writer, told to us' },
  { customer: "My mother's home phone line has been dead for two days.", draft: "We'll reach out with an update as soon as we know more. Reply with the number you'd like to use, and we'll set it up within the hour.", expect: { state: 'open' }, why: "a promise on the customer's reply (imperative + and we'll) does not schedule the case (h13en-23)" },
  { customer: "It's been three weeks and my refund still hasn't arrived.", draft: 'Our returns team issued the $189 refund to your Visa on October 20.', expect: { state: 'resolved' }, why: 'our returns team is us' },
  { customer: 'Can you rush 500 flyers by tomorrow?', draft: "Unfortunately, we can't take rush orders. Our production schedule is booked through Thursday.", expect: { alternative: false }, why: 'our schedule being booked is no remedy done' },
  { customer: 'My son bought $120 of gems. Can I get that refunded?', draft: "I can see how upsetting it is. I'm sorry, but we can't refund these charges.", expect: { alternative: false }, why: '"but we can\'t" and "I can see" offer nothing (h13en-25)' },
  { customer: "My daughter's tutor didn't show up for her session last night. This is the second time.", draft: "We'll probably try to get it sorted out soon, and we could possibly add a free make-up session if that works for you.", expect: { nextStep: false }, why: 'a hedged promise and a hedged offer give nothing to hold (h14en-11)' },
  { customer: "Your driver has shown up after 8 AM again. I've already complained twice. What is going on?", draft: 'We have shared your feedback with our routing team.', expect: { problem: true }, why: 'a complaint made before is a problem, beside the question (h14en-17)' },
  { customer: 'I picked up my bike after a tune-up and the chain is skipping worse than before.', draft: "Bring it by whenever and we'll fix it while you wait, no charge.", expect: { nextStep: true, awaitingCustomer: true }, why: "a promise on the customer's move is a next step that waits on them (h14en-07)" },
  { customer: 'Following up again. My flight was moved 9 hours earlier by the airline, so I had to cancel the hotel.', draft: 'Your refund request is therefore denied.', expect: { problem: true }, why: 'following up again is a repeat contact (h15en-19)' },
  { customer: 'The last two bags of the Ethiopia roast tasted stale and flat.', draft: "I've shared your feedback with our roasting team so they can look into it.", expect: { problem: true, state: 'open', nextStep: false }, why: 'stale food is a defect; sharing feedback is no next step (h15en-24)' },
  { customer: 'My claim for the water damage was denied. Why is this not covered?', draft: "Gradual leaks are excluded under your policy, so we're unable to pay this claim.", expect: { refusal: "we're unable to pay" }, why: 'a claim not paid is refused (h15en-29)' },
  { customer: 'Suggestion: your trail mix bags really need a zipper. Once I open one, everything goes stale in two days.', draft: 'Thanks for the suggestion! "Everything goes stale in two days" is the most common feedback we get.', expect: { problem: false }, why: 'a calm suggestion names the pain it would cure; it reports no failure (h9en-15)' },
  { customer: 'Suggestion: fix your app. It crashes every time I open it and I am so frustrated!!', draft: 'Sorry about that.', expect: { problem: true }, why: 'an upset "suggestion" still reports a failure' },
  { customer: 'I need to cancel my membership, but the website keeps telling me to come in person.', draft: "Cancellation requests must be submitted in writing, and your request cannot be processed until a signed form is received. Once you email it back, we'll cancel within two business days.", expect: { refusal: false, awaitingCustomer: true }, why: 'a condition to meet is not a no; a promise on the customer\'s move waits on them (h17en-08)' },
  { customer: 'I lost my transit card. Is the balance gone?', draft: "The good news: your balance is safe. Order a replacement in the app. We can't recover anything spent before you lock the card.", expect: { alternative: true }, why: 'the way forward offered before the limit counts (h17en-09)' },
  { customer: "The code you sent doesn't work.", draft: "I've generated a new code for you: 5582-31.", expect: { state: 'resolved' }, why: 'a new code generated is a remedy (h17en-10)' },
  { draft: 'Per our policy, refunds are processed within 10 business days. You must provide your order number before we can look into the charge. Unfortunately we are unable to expedite this request.', expect: { nextStep: false, alternative: false }, why: 'the rules recited are no step; "before we can look into it" is a condition (examples/replies/us-cold-reply.txt)' },
  { customer: "I'm locked out of the patient portal. Help!", draft: 'I reset it manually just now.', expect: { state: 'resolved' }, why: 'a same-form past told with "just now" is done (h18en-04)' },
  { customer: "It arrived with a 'Happy Birthday' balloon. I'm mortified.", draft: 'We are sending a new arrangement tomorrow.', expect: { problem: true }, why: "\"I'm mortified\" is an upset customer (h18en-29)" },
  { customer: 'My warranty expired 3 weeks ago. Can you extend it?', draft: "Unfortunately, neither of us can extend or reinstate a warranty once it has expired. If there's anything else I can help with, please don't hesitate to reach out.", expect: { refusal: 'neither of us can extend', alternative: false }, why: '"neither of us" is us; a sign-off offers nothing (h18en-06)' },
  { customer: 'The sculpture arrived with a chip on the base.', draft: "Since you chose standard crating at checkout, the piece didn't have the foam mount that would have protected it.", expect: { blame: 'Since you chose' }, why: "the customer's choice given as the reason for a failure (h18en-13)" },
  { customer: 'It has been 10 days since my biopsy.', draft: "I'm hoping they'll maybe come back sometime later this week.", expect: { state: 'open' }, why: 'a hedged promise with a date schedules nothing (h18en-07)' },
  { customer: "My account says it's suspended. What's going on? I can't take orders.", draft: 'Failure to provide the requested documentation within 7 days will result in permanent account closure.', expect: { problem: true, state: 'open' }, why: 'a consequence foretold with a date is no commitment (h19en-15)' },
  { customer: 'Can you add a way to accept tips through the online checkout?', draft: "Unfortunately, tipping through online checkout isn't something we support, and it isn't on our roadmap right now.", expect: { refusal: "isn't something we support" }, why: 'a feature turned down for good (h19en-19)' },
  { customer: 'Just following up on the refund for the two days I did not use when I returned the car early because of the ice storm.', draft: "I've issued the refund for the two unused days. Since the ice storm closed the roads, we also waived the early-return fee.", expect: { problem: false }, why: 'following up on a refund asks where it stands (h21en-19)' },
  { customer: "We can't use our tickets because my son broke his leg. Can we get a refund?", draft: 'Your request for a refund cannot be processed. However, we are able to offer a one-time date change.', expect: { alternative: true }, why: '"Can we get a refund?" asks for a remedy, not how-to; "however, we are able to" offers one (h21en-12)' },
  { customer: "We ordered a tree with delivery for Saturday. It's Saturday night and no tree. Where is it?", draft: 'We really appreciate your patience.', expect: { problem: true, state: 'open' }, why: '"and no tree": what was due is missing (h21en-22)' },
  { customer: "Two of my employees didn't get their direct deposit this morning.", draft: "If we can't re-send the deposits today, we'll pay both employees by same-day wire at no cost to you.", expect: { refusal: false }, why: 'a condition, not a no (h22en-04)' },
  { customer: 'I want every recording and my whole account deleted.', draft: "Once we delete the account, we can't recover anything.", expect: { refusal: false }, why: 'a consequence told, not a no (h22en-17)' },
  { customer: 'Just wanted to say the new offline mode is fantastic. I wrote half my thesis on a train with no signal and everything synced perfectly.', draft: 'This made our day. Thank you!', expect: { problem: false }, why: '"with no signal" sets the scene of a thank-you (h22en-07)' },
  { customer: 'need duplicate title asap selling car sat how long does it take', draft: "By mail: 10 to 14 business days, so it won't arrive by Saturday.", expect: { problem: false }, why: 'a duplicate title is a copy asked for, and "how long does it take" a question without its mark (h20en-05)' },
  { customer: "I can't register for fall classes, it says I have a hold.", draft: "State law requires it, so we can't lift the hold without it, but it's quick to fix.", expect: { refusal: true, alternative: true }, why: 'a no with the condition that turns it into a yes (h20en-07)' },
  { customer: "The swimsuit I ordered doesn't fit at all. I'd like to return it for a different size.", draft: "Unfortunately, this style was marked Final Sale at checkout, so it isn't eligible for a return or an exchange.", expect: { problem: true, refusal: true, alternative: false }, why: '"doesn\'t fit" is a problem; "isn\'t eligible" a no (h25en-06)' },
  { customer: "My son's 3-year save file is GONE after your update last night. He's been crying all morning.", draft: "Last night's update had a bug that reset save files.", expect: { problem: true }, why: 'a thing of theirs gone (h26en-30)' },
  { customer: 'My 12-year-old watched R-rated movies by just making a new profile. How is that even possible?', draft: 'Turn on "Require PIN to add profiles."', expect: { problem: true }, why: 'a complaint asked as a question (h26en-26)' },
  { customer: 'My headphones stopped charging after 2 months. I submitted a warranty claim last week. Any update?', draft: 'Our warranty team is reviewing your claim.', expect: { problem: true }, why: 'stopped charging (h25en-12)' },
  { customer: "My e-bike battery stopped charging after 8 months. It's under warranty, right?", draft: "To start the claim, I need two things: a photo of the serial number and a short video. Once I have those, I'll approve the claim within one business day.", expect: { awaitingCustomer: true }, why: 'what we wait to receive from them (hen-20)' },
  { customer: "Our scheduled reports haven't been emailed since Friday.", draft: "We've confirmed that scheduled report emails have been failing for a number of accounts since Friday, and our engineering team is investigating.", expect: { commitment: false, state: 'open' }, why: '"since Friday" is a time gone by; "scheduled" describes the reports (h27en-27)' },
  { customer: "We're hitting 429 errors when we rotate guest codes. What are the limits and how should we handle this?", draft: 'Your key allows 10 requests per second.', expect: { customer: { problem: true, question: true, thanks: false, upset: false, ownSlip: false, howTo: true, asksRemedy: false } }, why: 'a how-to asked after "and" (h30en-16)' },
  { customer: 'Your site locked me out after I tried my password a few times. I need to renew my registration by Friday.', draft: "Our system locks an account for 30 minutes after five unsuccessful attempts. You don't have to wait, though. You can unlock it right away.", expect: { selfService: true, customer: { problem: true, question: false, thanks: false, upset: false, ownSlip: false, howTo: false, asksRemedy: false } }, why: 'a way the customer takes now; their own tries are no repeat contact (h27en-10)' },
  { customer: "Your parking app was down all morning and I couldn't pay. Came back to a $45 ticket.", draft: 'No one could pay through the app during that time. The city is voiding every ticket issued in the affected zones.', expect: { refusal: false }, why: 'what nobody could do; "is voiding" is no verdict (h31en-16)' },
  { customer: "I'm moving to Germany in three weeks. I need to cancel my membership.", draft: 'Per our membership agreement, annual contracts cannot be canceled before the end of the 12-month term.', expect: { refusal: true, alternative: false }, why: '"before the end of the term" is a no for now, not a condition to meet (h31en-02)' },
  { customer: 'My test strips were supposed to arrive Monday.', draft: "I'm sorry. Running low on test strips is the last thing you should have to worry about.", expect: { blame: false }, why: '"should have to" is what one ought not to bear (h29en-15)' },
];

describe('English case reading', () => {
  for (const c of cases) {
    it(`${c.customer ? `${c.customer.slice(0, 24)} → ` : ''}${c.draft.slice(0, 40)}${c.why ? ` (${c.why})` : ''}`, async () => {
      const engine = await testEngine();
      const doc = engine.analyzeText(c.draft);
      const customer = c.customer ? engine.analyzeText(c.customer) : undefined;
      const reading = readCase(doc, customer, { market: 'us' });
      expect(reading.lang).toBe('en');
      const text = (span: { start: number; end: number } | undefined) => (span ? c.draft.slice(span.start, span.end) : undefined);
      for (const [key, want] of Object.entries(c.expect)) {
        if (key === 'dated') {
          expect(reading.commitment?.dated, 'dated').toBe(want);
          continue;
        }
        if (key === 'upset') {
          expect(reading.customer?.upset ?? false, 'upset').toBe(want);
          continue;
        }
        const got = reading[key as keyof CaseReading];
        if (typeof want === 'string' && typeof got === 'object') expect(text(got as { start: number; end: number }), key).toBe(want);
        else if (typeof want === 'boolean' && (got === undefined || typeof got === 'object')) expect(got !== undefined, key).toBe(want);
        else expect(got, key).toEqual(want);
      }
    });
  }

  it('does not count a refused remedy as covered ("denied" is no refund)', async () => {
    const engine = await testEngine();
    const denied = await engine.analyzeAsync('Hi Julia,\n\nYour refund request is therefore denied.\n\nRegards,\nSupport', {
      market: 'us',
      customerMessage: 'I asked for a refund three times now. The product never worked.',
    });
    expect(denied.coverage.remedy).toBe(false);
    const offered = await engine.analyzeAsync("Hi Julia,\n\nI can't refund this one, but here's what I can do: I've added a $20 credit to your account.\n\nBest,\nAlex", {
      market: 'us',
      customerMessage: 'I would like a refund for the annual plan.',
    });
    expect(offered.coverage.remedy).toBe(true);
  });
});
